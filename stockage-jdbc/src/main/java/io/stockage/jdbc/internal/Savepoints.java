package io.stockage.jdbc.internal;

import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;

/**
 * Runs a statement that may violate a constraint under a savepoint. PostgreSQL aborts the whole
 * transaction on any error; rolling back to the savepoint keeps it usable, so that work that
 * catches {@code ALREADY_EXISTS} (to pick another name, say) can go on in the same transaction.
 */
public final class Savepoints {
  private static final String NAME = "stockage_guard";

  private Savepoints() {}

  /** Runs the statement; on failure rolls back to before it and throws the mapped error. */
  public static <T> T guard(Handle handle, Supplier<T> statement) {
    if (!handle.isInTransaction()) {
      // A statement that commits on its own: its failure leaves nothing to keep usable.
      try {
        return statement.get();
      } catch (JdbiException e) {
        throw JdbcErrors.map(e);
      }
    }
    handle.savepoint(NAME);
    T result;
    try {
      result = statement.get();
    } catch (JdbiException e) {
      try {
        handle.rollbackToSavepoint(NAME);
      } catch (JdbiException rollback) {
        e.addSuppressed(rollback);
      }
      throw JdbcErrors.map(e);
    }
    handle.releaseSavepoint(NAME);
    return result;
  }
}
