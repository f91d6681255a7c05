package io.stockage.jdbc.internal;

import io.stockage.ItemId;
import io.stockage.Page;
import io.stockage.PageRequest;
import io.stockage.RetentionPolicy;
import io.stockage.Revision;
import io.stockage.UserId;
import io.stockage.spi.catalog.PageCursor;
import io.stockage.spi.catalog.RevisionRecord;
import io.stockage.spi.catalog.RevisionRecords;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.StatementContext;

/** Revisions in {@code revisions}; a revision's blob key is read from {@code blobs}. */
public final class JdbcRevisionRecords implements RevisionRecords {
  private static final String SELECT = "SELECT r.item_id, r.number, r.blob_id, r.size, r.sha256, r.mime_type,"
      + " r.author, r.created_at, r.comment, r.restored_from, r.version_id, CAST(r.properties AS text) AS properties,"
      + " b.key AS blob_key"
      + " FROM revisions r JOIN blobs b ON b.id = r.blob_id";

  private final Handle handle;

  /** Records on the transaction's handle. */
  public JdbcRevisionRecords(Handle handle) {
    this.handle = Objects.requireNonNull(handle, "handle");
  }

  /**
   * {@inheritDoc}
   *
   * @throws io.stockage.StockageException {@code UNEXPECTED} when the record's blob key is not
   *     the key of its blob
   */
  @Override
  public void insert(RevisionRecord record) {
    Revision r = record.revision();
    // INSERT ... SELECT inserts nothing when the blob row does not hold the key the record says.
    int inserted = handle.createUpdate("""
            INSERT INTO revisions (item_id, number, blob_id, size, sha256, mime_type, author, created_at,
              comment, restored_from, version_id)
            SELECT :item, :number, b.id, :size, :sha256, :mimeType, :author, :createdAt,
              CAST(:comment AS text), CAST(:restoredFrom AS integer), CAST(:versionId AS text)
            FROM blobs b WHERE b.id = :blob AND b.key = :key""")
        .bind("item", r.item().value())
        .bind("number", r.number())
        .bind("blob", record.blobId())
        .bind("key", record.blobKey())
        .bind("size", r.size())
        .bind("sha256", r.sha256())
        .bind("mimeType", r.mimeType())
        .bind("author", r.author().value())
        .bind("createdAt", Rows.at(r.createdAt()))
        .bind("comment", r.comment().orElse(null))
        .bind("restoredFrom", r.restoredFrom().isPresent() ? Integer.valueOf(r.restoredFrom().getAsInt()) : null)
        .bind("versionId", record.versionId().orElse(null))
        .execute();
    if (inserted == 0) {
      throw JdbcErrors.broken("revision " + r.number() + " of item " + r.item()
          + " names blob " + record.blobId() + " with a key that blob does not have");
    }
  }

  @Override
  public Optional<RevisionRecord> find(ItemId item, int number) {
    return handle.createQuery(SELECT + " WHERE r.item_id = :item AND r.number = :number")
        .bind("item", item.value())
        .bind("number", number)
        .map(JdbcRevisionRecords::record)
        .findOne();
  }

  @Override
  public Page<RevisionRecord> list(ItemId item, PageRequest page) {
    Optional<PageCursor> after = PageCursor.of(page, 1);
    String sql = SELECT + " WHERE r.item_id = :item" + (after.isPresent() ? " AND r.number < :after" : "")
        + " ORDER BY r.number DESC LIMIT :limit";
    Query query = handle.createQuery(sql).bind("item", item.value()).bind("limit", page.size() + 1);
    after.ifPresent(c -> query.bind("after", c.number(0)));
    List<RevisionRecord> rows = query.map(JdbcRevisionRecords::record).list();
    return PageCursor.page(rows, page, r -> PageCursor.of(Integer.toString(r.revision().number())));
  }

  @Override
  public boolean comment(ItemId item, int number, Optional<String> comment) {
    return handle.createUpdate("UPDATE revisions SET comment = CAST(:comment AS text)"
            + " WHERE item_id = :item AND number = :number")
        .bind("item", item.value())
        .bind("number", number)
        .bind("comment", comment.orElse(null))
        .execute() > 0;
  }

  @Override
  public Optional<Long> delete(ItemId item, int number) {
    return handle.createQuery("DELETE FROM revisions WHERE item_id = :item AND number = :number RETURNING blob_id")
        .bind("item", item.value())
        .bind("number", number)
        .mapTo(Long.class)
        .findOne();
  }

  @Override
  public List<RevisionRecord> prunable(String mount, RetentionPolicy policy, Instant cutoff, int limit) {
    // rank 1 is the newest revision; the current one is never a candidate whatever the policy.
    String sql = "SELECT * FROM (" + SELECT.replace("SELECT ", "SELECT row_number() OVER"
            + " (PARTITION BY r.item_id ORDER BY r.number DESC) AS rank, i.revision AS current_revision, ")
        + " JOIN items i ON i.id = r.item_id WHERE i.mount = :mount) ranked"
        + " WHERE number <> current_revision"
        + " AND (CAST(:keepLast AS integer) IS NULL OR rank > CAST(:keepLast AS integer))"
        + " AND (CAST(:aged AS boolean) = false OR created_at < :cutoff)"
        + " ORDER BY item_id, number LIMIT :limit";
    return handle.createQuery(sql)
        .bind("mount", mount)
        .bind("keepLast", policy.keepLast().isPresent() ? Integer.valueOf(policy.keepLast().getAsInt()) : null)
        .bind("aged", policy.maxAge().isPresent())
        .bind("cutoff", Rows.at(cutoff))
        .bind("limit", limit)
        .map(JdbcRevisionRecords::record)
        .list();
  }

  @Override
  public void describe(ItemId item, int number, java.util.Map<String, String> properties) {
    handle.createUpdate("UPDATE revisions SET properties = CAST(:properties AS jsonb) WHERE item_id = :item"
            + " AND number = :number")
        .bind("properties", Json.fields(new java.util.LinkedHashMap<>(properties)))
        .bind("item", item.value())
        .bind("number", number)
        .execute();
  }

  @Override
  public void thumbnail(ItemId item, int number, byte[] png) {
    // The revision may be gone (deleted, purged) since the worker read it: then nothing is written.
    handle.createUpdate("INSERT INTO revision_thumbnails (item_id, number, png)"
            + " SELECT item_id, number, :png FROM revisions WHERE item_id = :item AND number = :number"
            + " ON CONFLICT (item_id, number) DO UPDATE SET png = EXCLUDED.png")
        .bind("png", png)
        .bind("item", item.value())
        .bind("number", number)
        .execute();
  }

  @Override
  public Optional<byte[]> thumbnail(ItemId item, int number) {
    return handle.createQuery("SELECT png FROM revision_thumbnails WHERE item_id = :item AND number = :number")
        .bind("item", item.value())
        .bind("number", number)
        .mapTo(byte[].class)
        .findOne();
  }

  private static java.util.Map<String, String> properties(String json) {
    java.util.Map<String, String> values = new java.util.TreeMap<>();
    Json.fields(json).forEach((k, v) -> values.put(k, String.valueOf(v)));
    return values;
  }

  private static RevisionRecord record(ResultSet rows, StatementContext ctx) throws SQLException {
    Integer restoredFrom = rows.getObject("restored_from", Integer.class);
    Revision revision = new Revision(
        ItemId.of(Rows.uuid(rows, "item_id")),
        rows.getInt("number"),
        rows.getLong("size"),
        rows.getString("sha256"),
        rows.getString("mime_type"),
        UserId.of(rows.getString("author")),
        Rows.instant(rows, "created_at"),
        Optional.ofNullable(rows.getString("comment")),
        restoredFrom == null ? OptionalInt.empty() : OptionalInt.of(restoredFrom),
        properties(rows.getString("properties")));
    return new RevisionRecord(revision, rows.getLong("blob_id"), rows.getString("blob_key"),
        Optional.ofNullable(rows.getString("version_id")));
  }
}
