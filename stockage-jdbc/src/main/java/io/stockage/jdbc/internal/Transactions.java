package io.stockage.jdbc.internal;

import java.util.Optional;
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
 * extra round trip reads the connection's current level). A read-write transaction skips it when
 * the sessions' defaults are already READ COMMITTED and READ WRITE (PostgreSQL's own defaults,
 * read once from a connection when the transactions are made: a pool gives all its connections
 * the same settings) — a round trip less for every change.
 */
public final class Transactions {
  private static final String READ_WRITE = "SET TRANSACTION ISOLATION LEVEL READ COMMITTED, READ WRITE";
  private static final String READ_ONLY = "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY";

  private static final String DEFAULTS_ARE_READ_WRITE = "SELECT current_setting('default_transaction_isolation')"
      + " = 'read committed' AND NOT current_setting('default_transaction_read_only')::boolean";

  private final Jdbi jdbi;
  private final Optional<String> writeMode;

  private Transactions(Jdbi jdbi, boolean defaultsAreReadWrite) {
    this.jdbi = jdbi;
    this.writeMode = defaultsAreReadWrite ? Optional.empty() : Optional.of(READ_WRITE);
  }

  /** Transactions on the data source, with Jdbi's PostgreSQL plugin; asks the database its defaults. */
  public static Transactions over(DataSource dataSource) {
    Jdbi jdbi = Jdbi.create(dataSource).installPlugin(new PostgresPlugin());
    try (Handle handle = jdbi.open()) {
      return new Transactions(jdbi, handle.createQuery(DEFAULTS_ARE_READ_WRITE).mapTo(Boolean.class).one());
    } catch (JdbiException e) {
      throw JdbcErrors.map(e);
    }
  }

  /** Runs the work in one READ COMMITTED read-write transaction. */
  public <T> T write(Function<Handle, T> work) {
    return inTransaction(writeMode, work);
  }

  /** Runs the work in one REPEATABLE READ read-only transaction: it sees one snapshot. */
  public <T> T read(Function<Handle, T> work) {
    return inTransaction(Optional.of(READ_ONLY), work);
  }

  /** Runs statements outside an explicit transaction: each commits on its own. */
  public <T> T single(Function<Handle, T> statement) {
    try (Handle handle = jdbi.open()) {
      return statement.apply(handle);
    } catch (JdbiException e) {
      throw JdbcErrors.map(e);
    }
  }

  private <T> T inTransaction(Optional<String> mode, Function<Handle, T> work) {
    try (Handle handle = jdbi.open()) {
      return handle.inTransaction(h -> {
        mode.ifPresent(h::execute);
        return work.apply(h);
      });
    } catch (JdbiException e) {
      throw JdbcErrors.map(e);
    }
  }
}
