package io.stockage.core.internal;

import io.stockage.ErrorKind;
import io.stockage.StockageException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * At most {@code permits} runs of costly work at once; a caller waits its turn up to a bound, then
 * is refused with a retryable {@code UNAVAILABLE} (fair: first come, first served).
 */
final class Gate {
  private final Semaphore permits;
  private final Duration wait;
  private final String busy;

  Gate(int permits, Duration wait, String busy) {
    this.permits = new Semaphore(permits, true);
    this.wait = wait;
    this.busy = busy;
  }

  /** Runs the work in its turn. */
  <T> T run(Supplier<T> work) {
    boolean acquired;
    try {
      acquired = permits.tryAcquire(wait.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw StockageException.of(ErrorKind.UNAVAILABLE, "interrupted while waiting: " + busy);
    }
    if (!acquired) {
      throw StockageException.of(ErrorKind.UNAVAILABLE, busy);
    }
    try {
      return work.get();
    } finally {
      permits.release();
    }
  }
}
