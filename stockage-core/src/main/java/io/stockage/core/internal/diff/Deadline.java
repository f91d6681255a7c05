package io.stockage.core.internal.diff;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * The point in time a diff must stop at, checked cooperatively by the code that reads, extracts
 * and compares. Once passed, it stays passed, so callers that catch a parser's wrapped exception
 * can still tell a timeout from a broken file.
 */
final class Deadline {
  private final LongSupplier ticker;
  private final long end;
  private volatile boolean expired;

  /**
   * Starts the clock.
   *
   * @param ticker nanoseconds, as {@link System#nanoTime()}; tests inject their own
   */
  Deadline(LongSupplier ticker, Duration timeout) {
    this.ticker = ticker;
    this.end = ticker.getAsLong() + timeout.toNanos();
  }

  /** Throws {@link Expired} once the deadline has passed. */
  void check() {
    if (expired || ticker.getAsLong() - end >= 0) {
      expired = true;
      throw new Expired();
    }
  }

  /** The time left, zero once passed. */
  java.time.Duration remaining() {
    return java.time.Duration.ofNanos(Math.max(0, end - ticker.getAsLong()));
  }

  /** Whether a check found the deadline passed. */
  boolean expired() {
    return expired;
  }

  /** Thrown by {@link #check()}; no stack trace, it is control flow. */
  static final class Expired extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Expired() {
      super("the diff timed out", null, false, false);
    }
  }
}
