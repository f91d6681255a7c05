package io.stockage.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stockage.ErrorKind;
import io.stockage.StockageException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class GateTest {

  @Test
  void run_pastItsPermits_waitsThenIsUnavailable_andRunsOnceOneIsFree() throws Exception {
    Gate gate = new Gate(2, Duration.ofMillis(100), "busy");
    CountDownLatch running = new CountDownLatch(2);
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<?>[] holders = new CompletableFuture<?>[2];
    for (int i = 0; i < 2; i++) {
      holders[i] = CompletableFuture.runAsync(() -> gate.run(() -> {
        running.countDown();
        await(release);
        return null;
      }));
    }
    assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
    assertThatThrownBy(() -> gate.run(() -> "third")).isInstanceOfSatisfying(StockageException.class, e -> {
      assertThat(e.kind()).isEqualTo(ErrorKind.UNAVAILABLE);
      assertThat(e.isRetryable()).isTrue();
    });
    release.countDown();
    CompletableFuture.allOf(holders).get(10, TimeUnit.SECONDS);
    assertThat(gate.run(() -> "after")).isEqualTo("after");
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
