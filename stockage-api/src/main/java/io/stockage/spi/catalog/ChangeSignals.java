package io.stockage.spi.catalog;

import java.time.Duration;

/**
 * Wake-ups when changes commit, on any node sharing the catalog: a hint to read the feed, never
 * its content (one may be lost; readers also read on a timer). One per engine, used by one thread;
 * an interrupt of that thread ends a wait soon.
 */
public interface ChangeSignals extends AutoCloseable {

  /**
   * Waits at most the timeout for a wake-up; true when one came, or when the connection the
   * signals arrive on was lost and is back (what happened meanwhile is unknown: read).
   */
  boolean await(Duration timeout) throws InterruptedException;

  /** Stops listening; called by the thread that waits, once it is done waiting. */
  @Override
  void close();

  /** Signals of a catalog that has none: every wait times out, readers go by their timer. */
  static ChangeSignals none() {
    return new ChangeSignals() {
      @Override
      public boolean await(Duration timeout) throws InterruptedException {
        Thread.sleep(timeout.toMillis());
        return false;
      }

      @Override
      public void close() {}
    };
  }
}
