package io.stockage.examples.server;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicReference;

/** The system's time plus an offset that tests move forward. */
final class TestClock implements InstantSource {
  private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

  @Override
  public Instant instant() {
    return Instant.now().plus(offset.get());
  }

  /** Moves the clock forward. */
  void advance(Duration by) {
    offset.updateAndGet(d -> d.plus(by));
  }
}
