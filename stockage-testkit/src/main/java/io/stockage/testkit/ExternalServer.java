package io.stockage.testkit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Objects;

/**
 * A server given by the environment ({@code STOCKAGE_TEST_JDBC_URL} and its user and password),
 * for runs against a PostgreSQL the fixture does not start itself.
 *
 * @param url JDBC URL of a maintenance database the user can connect to ({@code postgres})
 * @param user a user allowed to create databases
 * @param password that user's password
 */
record ExternalServer(String url, String user, String password) implements PostgresServer {
  private static final String PREFIX = "jdbc:postgresql:";

  /** Validates. */
  ExternalServer {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
    if (!url.startsWith(PREFIX)) {
      throw new IllegalArgumentException("not a PostgreSQL JDBC URL: " + withoutQuery(url));
    }
  }

  @Override
  public String jdbcUrl(String database) {
    return withDatabase(url, database);
  }

  @Override
  public Connection admin() throws SQLException {
    return DriverManager.getConnection(url, user, password);
  }

  /** The server's URL with another database, keeping hosts and parameters. */
  static String withDatabase(String url, String database) {
    int query = url.indexOf('?');
    String base = query < 0 ? url : url.substring(0, query);
    String parameters = query < 0 ? "" : url.substring(query);
    String rest = base.substring(PREFIX.length());
    if (!rest.startsWith("//")) {
      // The short form jdbc:postgresql:database names no host.
      return PREFIX + database + parameters;
    }
    int slash = rest.indexOf('/', 2);
    String hosts = slash < 0 ? rest : rest.substring(0, slash);
    return PREFIX + hosts + "/" + database + parameters;
  }

  private static String withoutQuery(String url) {
    int query = url.indexOf('?');
    return query < 0 ? url : url.substring(0, query);
  }

  /** Names the server without its password (a URL parameter may hold one too: it is left out). */
  @Override
  public String toString() {
    return "ExternalServer[url=" + withoutQuery(url) + ", user=" + user + "]";
  }
}
