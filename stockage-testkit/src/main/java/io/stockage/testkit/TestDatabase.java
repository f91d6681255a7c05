package io.stockage.testkit;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;

/**
 * A database created for a test by {@link PostgresFixture#create()}, with a small connection pool.
 * Closing it closes the pool and drops the database, disconnecting any session still on it.
 * Thread-safe; closing twice does nothing the second time.
 */
public final class TestDatabase implements AutoCloseable {
  private static final int MAX_POOL_SIZE = 10;

  private final PostgresServer server;
  private final String name;
  private final HikariDataSource pool;
  private final AtomicBoolean closed = new AtomicBoolean();

  private TestDatabase(PostgresServer server, String name, HikariDataSource pool) {
    this.server = server;
    this.name = name;
    this.pool = pool;
  }

  /** Opens a pool on a database that was just created; drops the database if that fails. */
  static TestDatabase open(PostgresServer server, String name) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("stockage-test-" + name);
    config.setJdbcUrl(server.jdbcUrl(name));
    config.setUsername(server.user());
    config.setPassword(server.password());
    config.setMaximumPoolSize(MAX_POOL_SIZE);
    config.setMinimumIdle(1);
    try {
      return new TestDatabase(server, name, new HikariDataSource(config));
    } catch (RuntimeException e) {
      drop(server, name);
      throw e;
    }
  }

  /** The database's name, {@code stockage_<random>}. */
  public String name() {
    return name;
  }

  /** The database's JDBC URL. */
  public String jdbcUrl() {
    return server.jdbcUrl(name);
  }

  /** The user to connect as. */
  public String user() {
    return server.user();
  }

  /** The user's password. */
  public String password() {
    return server.password();
  }

  /** A pool of at most 10 connections to the database, closed with it. */
  public DataSource dataSource() {
    return pool;
  }

  /** Closes the pool and drops the database. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      pool.close();
      drop(server, name);
    }
  }

  private static void drop(PostgresServer server, String name) {
    // WITH (FORCE) (PostgreSQL 13+) terminates the sessions still connected to it.
    try (Connection admin = server.admin(); Statement statement = admin.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot drop test database " + name + " on " + server, e);
    }
  }

  /** Names the database; never shows the password. */
  @Override
  public String toString() {
    return "TestDatabase[" + jdbcUrl() + "]";
  }
}
