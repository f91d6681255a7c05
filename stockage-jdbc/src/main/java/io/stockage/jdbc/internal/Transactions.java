package io.stockage.jdbc.internal;

import java.util.function.Function;
import javax.sql.DataSource;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.postgres.PostgresPlugin;

/**
 * Transactions on a data source, with every database failure mapped by {@link JdbcErrors}; an
 * exception the work throws itself (a {@code StockageException}, or a programming error) reaches
 * the caller unchanged, after the rollback.
 *
 * <p>Every call opens its own handle with {@link Jdbi#open()}: {@code Jdbi.withHandle} and
 * {@code Jdbi.inTransaction} would reuse a handle already open on the thread, so a transaction
 * started inside another one's work would silently join it. Here it is a transaction of its own,
 * on another connection.
 *
 * <p>The isolation level and access mode are set by {@code SET TRANSACTION} inside each
 * transaction rather than on the connection, so nothing leaks into a pool the host owns (and no
 * extra round trip reads the connection's current level).
 */
public final class Transactions {
  private static final String READ_WRITE = "SET TRANSACTION ISOLATION LEVEL READ COMMITTED, READ WRITE";
  private static final String READ_ONLY = "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY";

  private final Jdbi jdbi;

  private Transactions(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** Transactions on the data source, with Jdbi's PostgreSQL plugin. */
  public static Transactions over(DataSource dataSource) {
    return new Transactions(Jdbi.create(dataSource).installPlugin(new PostgresPlugin()));
  }

  /** Runs the work in one READ COMMITTED read-write transaction. */
  public <T> T write(Function<Handle, T> work) {
    return inTransaction(READ_WRITE, work);
  }

  /** Runs the work in one REPEATABLE READ read-only transaction: it sees one snapshot. */
  public <T> T read(Function<Handle, T> work) {
    return inTransaction(READ_ONLY, work);
  }

  /** Runs one statement outside an explicit transaction. */
  public <T> T single(Function<Handle, T> statement) {
    try (Handle handle = jdbi.open()) {
      return statement.apply(handle);
    } catch (JdbiException e) {
      throw JdbcErrors.map(e);
    }
  }

  private <T> T inTransaction(String mode, Function<Handle, T> work) {
    try (Handle handle = jdbi.open()) {
      return handle.inTransaction(h -> {
        h.execute(mode);
        return work.apply(h);
      });
    } catch (JdbiException e) {
      throw JdbcErrors.map(e);
    }
  }
}
