package io.stockage.spring;

import io.stockage.Mount;
import io.stockage.ProjectId;
import io.stockage.StockageException;
import io.stockage.ErrorKind;
import io.stockage.spi.catalog.Catalog;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * Health of the catalog and of each mount, under {@code stockage} in the health endpoint. Each
 * answer is kept for {@code stockage.health-cache-ttl} (10 s), so that a busy (or anonymous) health
 * endpoint does not probe every backend on each call.
 */
@AutoConfiguration(after = StockageAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBean({Catalog.class, StockageMounts.class})
public class StockageHealthAutoConfiguration {

  /** {@code catalog} and {@code mount-<name>} indicators. */
  @Bean
  @ConditionalOnMissingBean(name = "stockageHealthContributor")
  CompositeHealthContributor stockageHealthContributor(Catalog catalog, StockageMounts mounts,
      StockageProperties properties) {
    Duration ttl = properties.healthCacheTtl();
    Map<String, HealthIndicator> indicators = new LinkedHashMap<>();
    indicators.put("catalog", new Cached(() -> check(() -> catalog.read(s -> s.projects().find(ProjectId.random()))),
        ttl, System::nanoTime));
    for (Mount mount : mounts.mounts()) {
      indicators.put("mount-" + mount.name(), new Cached(() -> check(() -> probe(mount)), ttl, System::nanoTime));
    }
    return CompositeHealthContributor.fromMap(indicators);
  }

  /** A missing key answered is a backend that answers. */
  private static Object probe(Mount mount) {
    try {
      mount.provider().stat("stockage-health-probe");
    } catch (StockageException e) {
      if (e.kind() != ErrorKind.NOT_FOUND) {
        throw e;
      }
    }
    return mount.provider().scheme();
  }

  private static Health check(java.util.function.Supplier<Object> probe) {
    try {
      probe.get();
      return Health.up().build();
    } catch (StockageException e) {
      return Health.down().withDetail("kind", e.kind().name()).withDetail("error", e.detail()).build();
    } catch (RuntimeException e) {
      return Health.down().withDetail("kind", ErrorKind.UNEXPECTED.name()).build();
    }
  }

  /** An indicator that answers from its last probe for a while. */
  static final class Cached implements HealthIndicator {
    private final java.util.function.Supplier<Health> probe;
    private final long ttlNanos;
    private final java.util.function.LongSupplier ticker;
    private Health last;
    private long at;

    Cached(java.util.function.Supplier<Health> probe, Duration ttl, java.util.function.LongSupplier ticker) {
      this.probe = probe;
      this.ttlNanos = ttl.toNanos();
      this.ticker = ticker;
    }

    @Override
    public synchronized Health health() {
      long now = ticker.getAsLong();
      if (last == null || now - at >= ttlNanos) {
        last = probe.get();
        at = now;
      }
      return last;
    }
  }
}
