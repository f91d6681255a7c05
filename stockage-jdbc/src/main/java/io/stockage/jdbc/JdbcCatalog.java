package io.stockage.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import io.stockage.jdbc.internal.JdbcCatalogSession;
import io.stockage.jdbc.internal.JdbcChangeSignals;
import io.stockage.jdbc.internal.Migrations;
import io.stockage.jdbc.internal.Pools;
import io.stockage.jdbc.internal.Transactions;
import io.stockage.jdbc.internal.WriteBehind;
import io.stockage.spi.catalog.Catalog;
import io.stockage.spi.catalog.CatalogSession;
import io.stockage.spi.catalog.ChangeSignals;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * The catalog on PostgreSQL 15 or later, through Jdbi.
 *
 * <p>Creating a catalog migrates the Stockage tables (Flyway, history table
 * {@code stockage_schema_history}, so a host's own Flyway history is left alone). The tables go in
 * the connection's current schema, next to the host's tables if it has some.
 *
 * <p>Transactions: {@link #inTransaction} is one READ COMMITTED read-write transaction,
 * {@link #read} one REPEATABLE READ read-only transaction, {@link #autocommit} none (each
 * statement commits on its own). Database failures become
 * {@link io.stockage.StockageException}s: a unique constraint is {@code ALREADY_EXISTS} (and the
 * transaction stays usable after one raised by an insert or update), a serialization failure or
 * deadlock {@code CONFLICT}, a database that cannot be reached {@code UNAVAILABLE}, anything else
 * {@code UNEXPECTED}. An exception the work throws reaches the caller unchanged.
 *
 * <p>Thread-safe.
 */
public final class JdbcCatalog implements Catalog {
  private final Transactions transactions;
  private final Optional<HikariDataSource> ownedPool;
  private final String description;
  private final Callable<Connection> listenerConnection;

  private JdbcCatalog(Transactions transactions, Optional<HikariDataSource> ownedPool, String description,
      Callable<Connection> listenerConnection) {
    this.transactions = transactions;
    this.listenerConnection = listenerConnection;
    this.ownedPool = ownedPool;
    this.description = description;
  }

  /**
   * A catalog on the host's data source, which it migrates now; closing the catalog leaves the
   * data source open.
   *
   * @throws io.stockage.StockageException {@code UNAVAILABLE} when the database cannot be reached,
   *     {@code UNEXPECTED} when the migration fails
   */
  public static JdbcCatalog create(DataSource dataSource) {
    Objects.requireNonNull(dataSource, "dataSource");
    Migrations.migrate(dataSource);
    String description = "JdbcCatalog[dataSource=" + dataSource.getClass().getName() + "]";
    return new JdbcCatalog(Transactions.over(dataSource), Optional.empty(), description, dataSource::getConnection);
  }

  /**
   * A catalog on a pool of its own (at most 10 connections), which it migrates now and closes
   * when closed. The password is never shown, nor the URL's parameters.
   *
   * @throws io.stockage.StockageException {@code UNAVAILABLE} when the database cannot be reached,
   *     {@code UNEXPECTED} when the migration fails
   */
  public static JdbcCatalog connect(String jdbcUrl, String user, String password) {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
    HikariDataSource pool = Pools.open(jdbcUrl, user, password);
    try {
      Migrations.migrate(pool);
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
    String description = "JdbcCatalog[url=" + Pools.redact(jdbcUrl) + ", user=" + user + "]";
    // The listening connection is not one of the pool's: it is held for as long as the engine runs.
    return new JdbcCatalog(Transactions.over(pool), Optional.of(pool), description,
        () -> DriverManager.getConnection(jdbcUrl, user, password));
  }

  /** The directory on the same database, sharing this catalog's connections. */
  public JdbcDirectory directory() {
    return new JdbcDirectory(transactions);
  }

  @Override
  public <T> T inTransaction(Function<CatalogSession, T> work) {
    Objects.requireNonNull(work, "work");
    return transactions.write(handle -> {
      WriteBehind writeBehind = WriteBehind.inTransaction();
      T result = work.apply(JdbcCatalogSession.on(handle, writeBehind));
      // The last write goes with the COMMIT; the transaction then has nothing left to commit.
      writeBehind.commit();
      return result;
    });
  }

  @Override
  public <T> T read(Function<CatalogSession, T> work) {
    Objects.requireNonNull(work, "work");
    return transactions.read(handle -> work.apply(JdbcCatalogSession.on(handle)));
  }

  @Override
  public <T> T autocommit(Function<CatalogSession, T> work) {
    Objects.requireNonNull(work, "work");
    return transactions.single(handle -> work.apply(JdbcCatalogSession.on(handle)));
  }

  /**
   * {@code LISTEN} for committed changes, on a connection of its own: from the host's data source
   * (held for as long as the engine runs: count it in the pool's size), or, for a catalog with a
   * pool of its own, outside that pool.
   */
  @Override
  public ChangeSignals listen() {
    return new JdbcChangeSignals(listenerConnection);
  }

  /** Closes the pool {@link #connect} created; a host's data source stays open. */
  @Override
  public void close() {
    ownedPool.ifPresent(HikariDataSource::close);
  }

  /** Names the database without credentials. */
  @Override
  public String toString() {
    return description;
  }
}
