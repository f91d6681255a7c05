package io.stockage.jdbc.internal;

import io.stockage.ItemId;
import io.stockage.OrgId;
import io.stockage.OrgPermission;
import io.stockage.UserId;
import io.stockage.spi.catalog.ShareLinkRecord;
import io.stockage.spi.catalog.ShareLinkRecords;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/** Share links in {@code share_links}; every lookup goes to the database (no cache). */
public final class JdbcShareLinkRecords implements ShareLinkRecords {
  private static final String COLUMNS =
      "id, org_id, item_id, token_hash, created_by, creator_permissions, created_at, expires_at, revoked_at";

  private final Handle handle;

  /** Records on the transaction's handle. */
  public JdbcShareLinkRecords(Handle handle) {
    this.handle = Objects.requireNonNull(handle, "handle");
  }

  @Override
  public void insert(ShareLinkRecord link) {
    handle.createUpdate("""
            INSERT INTO share_links (id, org_id, item_id, token_hash, created_by, creator_permissions, created_at,
                                     expires_at, revoked_at)
            VALUES (:id, :org, :item, :hash, :createdBy, :permissions, :createdAt, :expiresAt, :revokedAt)""")
        .bind("id", link.id())
        .bind("org", link.org().value())
        .bind("item", link.item().value())
        .bind("hash", link.tokenHash())
        .bind("createdBy", link.createdBy().value())
        .bindArray("permissions", String.class, link.creatorPermissions().stream().map(Enum::name).sorted().toList())
        .bind("createdAt", Rows.at(link.createdAt()))
        .bind("expiresAt", Rows.at(link.expiresAt()))
        .bind("revokedAt", Rows.at(link.revokedAt()))
        .execute();
  }

  @Override
  public Optional<ShareLinkRecord> find(UUID id) {
    return handle.createQuery("SELECT " + COLUMNS + " FROM share_links WHERE id = :id")
        .bind("id", id)
        .map(JdbcShareLinkRecords::link)
        .findOne();
  }

  @Override
  public Optional<ShareLinkRecord> findByTokenHash(String tokenHash) {
    return handle.createQuery("SELECT " + COLUMNS + " FROM share_links WHERE token_hash = :hash")
        .bind("hash", tokenHash)
        .map(JdbcShareLinkRecords::link)
        .findOne();
  }

  @Override
  public boolean revoke(UUID id, Instant at) {
    return handle.createUpdate("UPDATE share_links SET revoked_at = coalesce(revoked_at, :at) WHERE id = :id")
        .bind("id", id)
        .bind("at", Rows.at(at))
        .execute() > 0;
  }

  private static Set<OrgPermission> permissions(ResultSet rows) throws SQLException {
    java.sql.Array array = rows.getArray("creator_permissions");
    try {
      Set<OrgPermission> held = EnumSet.noneOf(OrgPermission.class);
      for (String name : (String[]) array.getArray()) {
        held.add(OrgPermission.valueOf(name));
      }
      return held;
    } finally {
      array.free();
    }
  }

  private static ShareLinkRecord link(ResultSet rows, StatementContext ctx) throws SQLException {
    return new ShareLinkRecord(Rows.uuid(rows, "id"), OrgId.of(rows.getString("org_id")),
        ItemId.of(Rows.uuid(rows, "item_id")), rows.getString("token_hash"), UserId.of(rows.getString("created_by")),
        permissions(rows), Rows.instant(rows, "created_at"), Rows.instant(rows, "expires_at"), Rows.optionalInstant(rows, "revoked_at"));
  }
}
