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
import org.jdbi.v3.core.statement.PreparedBatch;

/** {@code upload_sessions}, {@code upload_parts} and {@code upload_chunks} (the pieces). */
public final class JdbcUploadRecords implements UploadRecords {
  private static final String COLUMNS = "id, org_id, owner_id, mount, project_slug, folder_id, name, file_id, length,"
      + " upload_offset, created_at, expires_at, item_id, live_mount, live_path, completed_at, multipart_id, part_size";

  private final Handle handle;

  /** Records on the transaction's handle. */
  public JdbcUploadRecords(Handle handle) {
    this.handle = Objects.requireNonNull(handle, "handle");
  }

  @Override
  public void insert(Session s) {
    NewUpload t = s.target();
    handle.createUpdate("INSERT INTO upload_sessions (id, org_id, owner_id, mount, project_slug, folder_id, name,"
            + " file_id, live_mount, live_path, length, created_at, expires_at, part_size) VALUES (:id, :org, :owner,"
            + " :mount, :project, :folder, :name, :file, :liveMount, :livePath, :length, :created, :expires, :partSize)")
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
        .bind("partSize", s.partSize())
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
    OptionalLong declared = Rows.optionalLong(rows, "length");
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
        Rows.optionalInstant(rows, "completed_at").isPresent(), Rows.optionalUuid(rows, "item_id").map(ItemId::of),
        Optional.ofNullable(rows.getString("multipart_id")), rows.getLong("part_size"));
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
  public boolean advance(UploadId id, String token, Progress p) {
    boolean held = handle.createUpdate("UPDATE upload_sessions SET upload_offset = :to, multipart_id ="
            + " coalesce(:multipart, multipart_id), lease_token = NULL, lease_until = NULL"
            + " WHERE id = :id AND lease_token = :token AND upload_offset = :from")
        .bind("to", p.to())
        .bind("multipart", p.multipartId().orElse(null))
        .bind("id", id.value())
        .bind("token", token)
        .bind("from", p.from())
        .execute() == 1;
    if (!held) {
      return false;
    }
    if (p.piecesUsed()) {
      handle.createUpdate("DELETE FROM upload_chunks WHERE session_id = :id").bind("id", id.value()).execute();
    }
    PreparedBatch parts = handle.prepareBatch("INSERT INTO upload_parts (session_id, part_number, part_offset, size,"
        + " etag) VALUES (:id, :number, :offset, :size, :etag) ON CONFLICT (session_id, part_number) DO UPDATE"
        + " SET part_offset = excluded.part_offset, size = excluded.size, etag = excluded.etag");
    for (Part part : p.parts()) {
      parts.bind("id", id.value()).bind("number", part.number()).bind("offset", part.offset())
          .bind("size", part.size()).bind("etag", part.etag()).add();
    }
    if (!p.parts().isEmpty()) {
      parts.execute();
    }
    PreparedBatch pieces = handle.prepareBatch("INSERT INTO upload_chunks (session_id, chunk_offset, size, object_key)"
        + " VALUES (:id, :offset, :size, :key)");
    for (Piece piece : p.pieces()) {
      pieces.bind("id", id.value()).bind("offset", piece.offset()).bind("size", piece.size())
          .bind("key", piece.key()).add();
    }
    if (!p.pieces().isEmpty()) {
      pieces.execute();
    }
    return true;
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
  public List<Piece> pieces(UploadId id) {
    return handle.createQuery("SELECT chunk_offset, size, object_key FROM upload_chunks WHERE session_id = :id"
            + " ORDER BY chunk_offset")
        .bind("id", id.value())
        .map((rows, ctx) -> new Piece(rows.getLong("chunk_offset"), rows.getLong("size"), rows.getString("object_key")))
        .list();
  }

  @Override
  public List<Part> parts(UploadId id) {
    return handle.createQuery("SELECT part_number, part_offset, size, etag FROM upload_parts WHERE session_id = :id"
            + " ORDER BY part_number")
        .bind("id", id.value())
        .map((rows, ctx) -> new Part(rows.getInt("part_number"), rows.getLong("part_offset"), rows.getLong("size"),
            rows.getString("etag")))
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
    handle.createUpdate("DELETE FROM upload_parts WHERE session_id = :id").bind("id", id.value()).execute();
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
