package io.stockage.spi.catalog;

import java.util.function.Function;

/**
 * The metadata store and the transaction boundary: projects, members, items, revisions, blobs,
 * the change feed and the audit log. Everything one operation writes is written in one
 * {@link #inTransaction} call, so it commits whole or not at all.
 *
 * <p>Errors: a constraint on names or slugs is {@code ALREADY_EXISTS}, a database that cannot be
 * reached is {@code UNAVAILABLE}.
 */
public interface Catalog extends AutoCloseable {

  /**
   * Runs the work in one read-write transaction; commits when it returns, rolls back when it
   * throws (and rethrows).
   */
  <T> T inTransaction(Function<CatalogSession, T> work);

  /** Runs read-only work; it sees one consistent snapshot. */
  <T> T read(Function<CatalogSession, T> work);

  /**
   * Runs the work without a transaction around it: each statement commits on its own and sees
   * what was committed when it ran, and nothing is rolled back when the work throws. For one write
   * that stands alone, or reads that need no consistent view (checks that a later transaction
   * repeats): on PostgreSQL it saves the round trips that open and end a transaction. By default,
   * a transaction of {@link #inTransaction}.
   */
  default <T> T autocommit(Function<CatalogSession, T> work) {
    return inTransaction(work);
  }

  /**
   * Starts listening for committed changes (a connection of its own on PostgreSQL); the engine
   * holds one and closes it. A catalog without wake-ups returns {@link ChangeSignals#none()}.
   */
  default ChangeSignals listen() {
    return ChangeSignals.none();
  }

  /** Releases the pool the catalog created, if any. */
  @Override
  void close();
}
