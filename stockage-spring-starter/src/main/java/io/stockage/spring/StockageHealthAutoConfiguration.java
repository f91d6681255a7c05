package io.stockage.spring;

import io.stockage.Mount;
import io.stockage.ProjectId;
import io.stockage.StockageException;
import io.stockage.ErrorKind;
import io.stockage.spi.Catalog;
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

/** Health of the catalog and of each mount, under {@code stockage} in the health endpoint. */
@AutoConfiguration(after = StockageAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBean({Catalog.class, StockageMounts.class})
public class StockageHealthAutoConfiguration {

  /** {@code catalog} and {@code mount-<name>} indicators. */
  @Bean
  @ConditionalOnMissingBean(name = "stockageHealthContributor")
  CompositeHealthContributor stockageHealthContributor(Catalog catalog, StockageMounts mounts) {
    Map<String, HealthIndicator> indicators = new LinkedHashMap<>();
    indicators.put("catalog", () -> check(() -> catalog.read(s -> s.projects().find(ProjectId.random()))));
    for (Mount mount : mounts.mounts()) {
      indicators.put("mount-" + mount.name(), () -> check(() -> probe(mount)));
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
    }
  }
}
