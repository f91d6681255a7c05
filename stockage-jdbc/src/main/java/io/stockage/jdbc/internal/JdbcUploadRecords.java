package io.stockage.jdbc.internal;

import io.stockage.ItemId;
import io.stockage.Location;
import io.stockage.NewUpload;
import io.stockage.OrgId;
import io.stockage.UploadId;
import io.stockage.UserId;
import io.stockage.spi.catalog.UploadRecords;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.jdbi.v3.core.Handle;

/** {@code upload_sessions} and {@code upload_chunks}. */
public final class JdbcUploadRecords implements UploadRecords {
  private static final String COLUMNS = "id, org_id, owner_id, mount, project_slug, folder_id, name, file_id, length,"
      + " upload_offset, created_at, expires_at, item_id, live_mount, live_path, completed_at";

  private final Handle handle;

  /** Records on the transaction's handle. */
  public JdbcUploadRecords(Handle handle) {
    this.handle = Objects.requireNonNull(handle, "handle");
  }

  @Override
  public void insert(Session s) {
    NewUpload t = s.target();
    handle.createUpdate("INSERT INTO upload_sessions (id, org_id, owner_id, mount, project_slug, folder_id, name,"
            + " file_id, live_mount, live_path, length, created_at, expires_at) VALUES (:id, :org, :owner, :mount,"
            + " :project, :folder, :name, :file, :liveMount, :livePath, :length, :created, :expires)")
        .bind("id", s.id().value())
        .bind("org", s.org().value())
        .bind("owner", s.owner().value())
        .bind("mount", s.mount())
        .bind("project", t.location().map(Location::project).orElse(null))
        .bind("folder", t.location().flatMap(Location::folder).map(ItemId::value).orElse(null))
        .bind("name", t.name().orElse(null))
        .bind("file", t.file().map(ItemId::value).orElse(null))
        .bind("liveMount", t.mount().orElse(null))
        .bind("livePath", t.path().orElse(null))
        .bind("length", t.length().isPresent() ? t.length().getAsLong() : null)
        .bind("created", Rows.at(s.createdAt()))
        .bind("expires", Rows.at(s.expiresAt()))
        .execute();
  }

  @Override
  public Optional<Session> find(UploadId id, boolean lock) {
    return handle.createQuery("SELECT " + COLUMNS + " FROM upload_sessions WHERE id = :id" + (lock ? " FOR UPDATE" : ""))
        .bind("id", id.value())
        .map((rows, ctx) -> session(rows))
        .findOne();
  }

  private static Session session(ResultSet rows) throws SQLException {
    long length = rows.getLong("length");
    OptionalLong declared = rows.wasNull() ? OptionalLong.empty() : OptionalLong.of(length);
    Optional<ItemId> file = Rows.optionalUuid(rows, "file_id").map(ItemId::of);
    String livePath = rows.getString("live_path");
    NewUpload target = file.isPresent() ? NewUpload.revision(file.get())
        : livePath != null ? NewUpload.entry(rows.getString("live_mount"), livePath)
        : NewUpload.file(new Location(rows.getString("project_slug"), Rows.optionalUuid(rows, "folder_id").map(ItemId::of)),
            rows.getString("name"));
    if (declared.isPresent()) {
      target = target.withLength(declared.getAsLong());
    }
    return new Session(new UploadId(Rows.uuid(rows, "id")), OrgId.of(rows.getString("org_id")),
        UserId.of(rows.getString("owner_id")), rows.getString("mount"), target, rows.getLong("upload_offset"),
        Rows.instant(rows, "created_at"), Rows.instant(rows, "expires_at"),
        Rows.optionalInstant(rows, "completed_at").isPresent(), Rows.optionalUuid(rows, "item_id").map(ItemId::of));
  }

  @Override
  public boolean lease(UploadId id, long offset, String token, Instant now, Instant until) {
    return handle.createUpdate("UPDATE upload_sessions SET lease_token = :token, lease_until = :until WHERE id = :id"
            + " AND upload_offset = :offset AND completed_at IS NULL AND (lease_until IS NULL OR lease_until < :now)")
        .bind("token", token)
        .bind("until", Rows.at(until))
        .bind("id", id.value())
        .bind("offset", offset)
        .bind("now", Rows.at(now))
        .execute() == 1;
  }

  @Override
  public boolean addChunk(UploadId id, String token, Chunk chunk) {
    boolean held = handle.createUpdate("UPDATE upload_sessions SET upload_offset = upload_offset + :size,"
            + " lease_token = NULL, lease_until = NULL WHERE id = :id AND lease_token = :token AND upload_offset = :offset")
        .bind("size", chunk.size())
        .bind("id", id.value())
        .bind("token", token)
        .bind("offset", chunk.offset())
        .execute() == 1;
    if (held) {
      handle.createUpdate("INSERT INTO upload_chunks (session_id, chunk_offset, size, object_key)"
              + " VALUES (:id, :offset, :size, :key)")
          .bind("id", id.value())
          .bind("offset", chunk.offset())
          .bind("size", chunk.size())
          .bind("key", chunk.key())
          .execute();
    }
    return held;
  }

  @Override
  public boolean renew(UploadId id, String token, Instant until) {
    return handle.createUpdate("UPDATE upload_sessions SET lease_until = :until WHERE id = :id AND lease_token = :token")
        .bind("until", Rows.at(until))
        .bind("id", id.value())
        .bind("token", token)
        .execute() == 1;
  }

  @Override
  public void release(UploadId id, String token) {
    handle.createUpdate("UPDATE upload_sessions SET lease_token = NULL, lease_until = NULL WHERE id = :id"
            + " AND lease_token = :token")
        .bind("id", id.value())
        .bind("token", token)
        .execute();
  }

  @Override
  public List<Chunk> chunks(UploadId id) {
    return handle.createQuery("SELECT chunk_offset, size, object_key FROM upload_chunks WHERE session_id = :id"
            + " ORDER BY chunk_offset")
        .bind("id", id.value())
        .map((rows, ctx) -> new Chunk(rows.getLong("chunk_offset"), rows.getLong("size"), rows.getString("object_key")))
        .list();
  }

  @Override
  public void declareLength(UploadId id, long length) {
    handle.createUpdate("UPDATE upload_sessions SET length = :length WHERE id = :id")
        .bind("length", length)
        .bind("id", id.value())
        .execute();
  }

  @Override
  public void completed(UploadId id, Optional<ItemId> item, Instant at) {
    handle.createUpdate("UPDATE upload_sessions SET item_id = :item, completed_at = :at WHERE id = :id")
        .bind("item", item.map(ItemId::value).orElse(null))
        .bind("at", Rows.at(at))
        .bind("id", id.value())
        .execute();
    handle.createUpdate("DELETE FROM upload_chunks WHERE session_id = :id").bind("id", id.value()).execute();
  }

  @Override
  public void delete(UploadId id) {
    handle.createUpdate("DELETE FROM upload_sessions WHERE id = :id").bind("id", id.value()).execute();
  }

  @Override
  public List<Session> expired(Instant now, int limit) {
    return handle.createQuery("SELECT " + COLUMNS + " FROM upload_sessions WHERE expires_at < :now"
            + " ORDER BY expires_at LIMIT :limit")
        .bind("now", Rows.at(now))
        .bind("limit", limit)
        .map((rows, ctx) -> session(rows))
        .list();
  }
}
