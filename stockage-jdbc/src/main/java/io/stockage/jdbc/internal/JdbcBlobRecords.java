package io.stockage.jdbc.internal;

import io.stockage.spi.catalog.BlobIntent;
import io.stockage.spi.catalog.BlobRecord;
import io.stockage.spi.catalog.BlobRecords;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Stored content and reference counts in {@code blobs}. A row's lock is the content's lock: the
 * engine promotes, references, releases and deletes content holding it.
 */
public final class JdbcBlobRecords implements BlobRecords {
  private static final String COLUMNS = "id, mount, key, sha256, size, ref_count, unreferenced_since";

  private final Handle handle;

  /** Records on the transaction's handle. */
  public JdbcBlobRecords(Handle handle) {
    this.handle = Objects.requireNonNull(handle, "handle");
  }

  @Override
  public Optional<BlobRecord> insertIfAbsent(String mount, String key, String sha256, long size, Instant at) {
    // A concurrent insert of the same key waits on the unique index until this transaction ends,
    // then inserts nothing.
    return handle.createQuery("""
            INSERT INTO blobs (mount, key, sha256, size, ref_count, created_at, unreferenced_since)
            VALUES (:mount, :key, :sha256, :size, 0, :at, :at)
            ON CONFLICT (mount, key) DO NOTHING
            RETURNING\s""" + COLUMNS)
        .bind("mount", mount)
        .bind("key", key)
        .bind("sha256", sha256)
        .bind("size", size)
        .bind("at", Rows.at(at))
        .map(JdbcBlobRecords::blob)
        .findOne();
  }

  @Override
  public Referenced referenceOrInsert(long intent, String mount, String key, String sha256, long size, Instant at) {
    // One upsert: a conflicting row another transaction deletes is waited for, and then inserted
    // again. A row the statement inserted has no xmax; one it updated has this transaction's.
    return handle.createQuery("""
            WITH fulfilled AS (DELETE FROM blob_intents WHERE id = :intent)
            INSERT INTO blobs AS b (mount, key, sha256, size, ref_count, created_at, unreferenced_since)
            VALUES (:mount, :key, :sha256, :size, 1, :at, NULL)
            ON CONFLICT (mount, key) DO UPDATE SET ref_count = b.ref_count + 1, unreferenced_since = NULL
            RETURNING\s""" + COLUMNS + ", (xmax = 0) AS inserted")
        .bind("intent", intent)
        .bind("mount", mount)
        .bind("key", key)
        .bind("sha256", sha256)
        .bind("size", size)
        .bind("at", Rows.at(at))
        .map((rows, ctx) -> new Referenced(blob(rows, ctx), rows.getBoolean("inserted")))
        .one();
  }

  @Override
  public Optional<BlobRecord> lock(String mount, String key) {
    return handle.createQuery("SELECT " + COLUMNS + " FROM blobs WHERE mount = :mount AND key = :key FOR UPDATE")
        .bind("mount", mount)
        .bind("key", key)
        .map(JdbcBlobRecords::blob)
        .findOne();
  }

  /**
   * {@inheritDoc}
   *
   * @throws io.stockage.StockageException {@code UNEXPECTED} when there is no such blob row
   */
  @Override
  public void reference(long blobId) {
    int updated = handle.createUpdate(
            "UPDATE blobs SET ref_count = ref_count + 1, unreferenced_since = NULL WHERE id = :id")
        .bind("id", blobId)
        .execute();
    requireRow(updated, blobId);
  }

  /**
   * {@inheritDoc}
   *
   * @throws io.stockage.StockageException {@code UNEXPECTED} when there is no such blob row, or
   *     its count is already zero
   */
  @Override
  public void release(long blobId, Instant at) {
    // The CHECK (ref_count >= 0) constraint refuses a release below zero.
    int updated = handle.createUpdate("""
            UPDATE blobs SET ref_count = ref_count - 1,
              unreferenced_since = CASE WHEN ref_count = 1 THEN :at ELSE unreferenced_since END
            WHERE id = :id""")
        .bind("id", blobId)
        .bind("at", Rows.at(at))
        .execute();
    requireRow(updated, blobId);
  }

  @Override
  public List<BlobRecord> lockUnreferenced(String mount, Instant cutoff, int limit) {
    return handle.createQuery("SELECT " + COLUMNS + " FROM blobs"
            + " WHERE mount = :mount AND ref_count = 0 AND unreferenced_since < :cutoff"
            + " ORDER BY unreferenced_since, id LIMIT :limit FOR UPDATE SKIP LOCKED")
        .bind("mount", mount)
        .bind("cutoff", Rows.at(cutoff))
        .bind("limit", limit)
        .map(JdbcBlobRecords::blob)
        .list();
  }

  /** {@inheritDoc} Deleting a row that is already gone does nothing. */
  @Override
  public void delete(long blobId) {
    handle.createUpdate("DELETE FROM blobs WHERE id = :id").bind("id", blobId).execute();
  }

  private static void requireRow(int updated, long blobId) {
    if (updated == 0) {
      throw JdbcErrors.broken("no blob row " + blobId);
    }
  }

  @Override
  public BlobIntent intend(String mount, String key, Instant at) {
    long id = handle.createQuery("INSERT INTO blob_intents (mount, key, created_at) VALUES (:mount, :key, :at)"
            + " RETURNING id")
        .bind("mount", mount)
        .bind("key", key)
        .bind("at", Rows.at(at))
        .mapTo(Long.class)
        .one();
    return new BlobIntent(id, mount, key, at);
  }

  @Override
  public void fulfil(long intent) {
    handle.createUpdate("DELETE FROM blob_intents WHERE id = :id").bind("id", intent).execute();
  }

  @Override
  public List<BlobIntent> lockIntents(String mount, Instant cutoff, int limit) {
    return handle.createQuery("SELECT id, mount, key, created_at FROM blob_intents"
            + " WHERE mount = :mount AND created_at < :cutoff ORDER BY created_at, id LIMIT :limit"
            + " FOR UPDATE SKIP LOCKED")
        .bind("mount", mount)
        .bind("cutoff", Rows.at(cutoff))
        .bind("limit", limit)
        .map((rows, ctx) -> new BlobIntent(rows.getLong("id"), rows.getString("mount"), rows.getString("key"),
            Rows.instant(rows, "created_at")))
        .list();
  }

  private static BlobRecord blob(ResultSet rows, StatementContext ctx) throws SQLException {
    return new BlobRecord(
        rows.getLong("id"),
        rows.getString("mount"),
        rows.getString("key"),
        rows.getString("sha256"),
        rows.getLong("size"),
        rows.getInt("ref_count"),
        Rows.optionalInstant(rows, "unreferenced_since"));
  }
}
