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
import org.jdbi.v3.core.statement.SqlStatement;
import org.jdbi.v3.core.statement.StatementContext;

/** Revisions in {@code revisions}; a revision's blob key is read from {@code blobs}. */
public final class JdbcRevisionRecords implements RevisionRecords {
  private static final String SELECT = "SELECT " + columns("") + " FROM revisions r JOIN blobs b ON b.id = r.blob_id";

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
    int inserted = bind(handle.createUpdate(insert(":r_item", "")), record)
        .bind("r_item", record.revision().item().value())
        .execute();
    if (inserted == 0) {
      throw keyMismatch(record);
    }
  }

  /**
   * The insert of a revision row from a record bound by {@link #bind} ({@code r_} parameters), its
   * item id the expression {@code itemId} over the tables {@code from} adds: an {@code INSERT ...
   * SELECT} that inserts nothing when the blob row does not hold the key the record says.
   */
  static String insert(String itemId, String from) {
    return "INSERT INTO revisions (item_id, number, blob_id, size, sha256, mime_type, author, created_at,"
        + " comment, restored_from, version_id) SELECT " + itemId + ", :r_number, b.id, :r_size, :r_sha256,"
        + " :r_mimeType, :r_author, :r_createdAt, CAST(:r_comment AS text), CAST(:r_restoredFrom AS integer),"
        + " CAST(:r_versionId AS text) FROM blobs b" + from + " WHERE b.id = :r_blob AND b.key = :r_key";
  }

  /** Binds the record's values for {@link #insert}, but for the item id. */
  static <T extends SqlStatement<T>> T bind(T statement, RevisionRecord record) {
    Revision r = record.revision();
    return statement.bind("r_number", r.number())
        .bind("r_blob", record.blobId())
        .bind("r_key", record.blobKey())
        .bind("r_size", r.size())
        .bind("r_sha256", r.sha256())
        .bind("r_mimeType", r.mimeType())
        .bind("r_author", r.author().value())
        .bind("r_createdAt", Rows.at(r.createdAt()))
        .bind("r_comment", r.comment().orElse(null))
        .bind("r_restoredFrom", r.restoredFrom().isPresent() ? Integer.valueOf(r.restoredFrom().getAsInt()) : null)
        .bind("r_versionId", record.versionId().orElse(null));
  }

  /** The failure of a revision whose blob does not hold the key its record names. */
  static io.stockage.StockageException keyMismatch(RevisionRecord record) {
    Revision r = record.revision();
    return JdbcErrors.broken("revision " + r.number() + " of item " + r.item()
        + " names blob " + record.blobId() + " with a key that blob does not have");
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
    return record(rows, "");
  }

  /**
   * A revision's columns, each named with the prefix: of {@code revisions r} joined with
   * {@code blobs b} on the revision's blob.
   */
  static String columns(String prefix) {
    return java.util.stream.Stream.of("r.item_id", "r.number", "r.blob_id", "r.size", "r.sha256", "r.mime_type",
            "r.author", "r.created_at", "r.comment", "r.restored_from", "r.version_id")
        .map(c -> c + " AS " + prefix + c.substring(2))
        .collect(java.util.stream.Collectors.joining(", "))
        + ", CAST(r.properties AS text) AS " + prefix + "properties, b.key AS " + prefix + "blob_key";
  }

  /** The revision in the columns named with the prefix ({@link #columns}). */
  static RevisionRecord record(ResultSet rows, String prefix) throws SQLException {
    Integer restoredFrom = rows.getObject(prefix + "restored_from", Integer.class);
    Revision revision = new Revision(
        ItemId.of(Rows.uuid(rows, prefix + "item_id")),
        rows.getInt(prefix + "number"),
        rows.getLong(prefix + "size"),
        rows.getString(prefix + "sha256"),
        rows.getString(prefix + "mime_type"),
        UserId.of(rows.getString(prefix + "author")),
        Rows.instant(rows, prefix + "created_at"),
        Optional.ofNullable(rows.getString(prefix + "comment")),
        restoredFrom == null ? OptionalInt.empty() : OptionalInt.of(restoredFrom),
        properties(rows.getString(prefix + "properties")));
    return new RevisionRecord(revision, rows.getLong(prefix + "blob_id"), rows.getString(prefix + "blob_key"),
        Optional.ofNullable(rows.getString(prefix + "version_id")));
  }
}
