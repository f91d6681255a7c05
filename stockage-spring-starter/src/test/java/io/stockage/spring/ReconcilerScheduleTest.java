package io.stockage.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ReconcilerScheduleTest {

  @Test
  void schedule_passesThatThrowAnything_keepItRunning() throws InterruptedException {
    AtomicInteger passes = new AtomicInteger();
    CountDownLatch fifth = new CountDownLatch(5);
    Runnable pass = () -> {
      fifth.countDown();
      switch (passes.incrementAndGet()) {
        case 1 -> throw new IllegalStateException("a bug");
        case 2 -> throw new NullPointerException("another");
        case 3 -> throw io.stockage.StockageException.of(io.stockage.ErrorKind.UNAVAILABLE, "backend down");
        default -> { }
      }
    };
    try (ReconcilerSchedule schedule = new ReconcilerSchedule(pass, Duration.ofMillis(10))) {
      assertThat(fifth.await(10, TimeUnit.SECONDS)).as("passes after three failures").isTrue();
    }
  }
}
