package io.stockage.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;

class CachedHealthTest {

  @Test
  void health_answersFromTheLastProbeUntilTheTtlPassed() {
    AtomicInteger probes = new AtomicInteger();
    AtomicLong nanos = new AtomicLong();
    StockageHealthAutoConfiguration.Cached cached = new StockageHealthAutoConfiguration.Cached(() -> {
      probes.incrementAndGet();
      return Health.up().build();
    }, Duration.ofSeconds(10), nanos::get);
    for (int i = 0; i < 100; i++) {
      assertThat(cached.health().getStatus().getCode()).isEqualTo("UP");
    }
    assertThat(probes).hasValue(1);
    nanos.addAndGet(Duration.ofSeconds(10).toNanos());
    cached.health();
    assertThat(probes).hasValue(2);
  }
}
