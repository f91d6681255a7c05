package io.stockage.jdbc.internal;

import io.stockage.AccessEntry;
import io.stockage.ItemId;
import io.stockage.Page;
import io.stockage.PageRequest;
import io.stockage.Principal;
import io.stockage.ProjectRole;
import io.stockage.TeamId;
import io.stockage.UserId;
import io.stockage.spi.catalog.AclStore;
import io.stockage.spi.catalog.PageCursor;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Access entries in {@code item_access}. The entries that apply to an item are found by walking
 * up its parents in one recursive query, so a decision costs one round trip whatever the depth.
 */
public final class JdbcAclStore implements AclStore {
  private static final String COLUMNS = "a.item_id, a.principal_type, a.principal_id, a.role, a.granted_by, a.granted_at";

  // The entries on the item and on every folder above it. UNION (not ALL) stops at a cycle, should
  // one exist; depth orders the item before its folders.
  private static final String PATH = """
      WITH RECURSIVE up(id, parent_id, depth) AS (
        SELECT id, parent_id, 0 FROM items WHERE id = :item
        UNION
        SELECT i.id, i.parent_id, up.depth + 1 FROM items i JOIN up ON i.id = up.parent_id)
      SELECT""" + " " + COLUMNS + """
       FROM up JOIN item_access a ON a.item_id = up.id
      """;

  // The entries naming the user or one of the teams.
  static final String NAMING = " WHERE (a.principal_type = 'USER' AND a.principal_id = :user)"
      + " OR (a.principal_type = 'TEAM' AND a.principal_id = ANY (CAST(:teams AS text[])))\n";

  private final Handle handle;

  /** Entries on the transaction's handle. */
  public JdbcAclStore(Handle handle) {
    this.handle = Objects.requireNonNull(handle, "handle");
  }

  @Override
  public Page<AccessEntry> entries(ItemId item, PageRequest page) {
    // Users before teams ('USER' > 'TEAM'), then by id: the key is (type, id) in descending type.
    Optional<PageCursor> after = PageCursor.of(page, 2);
    Query query = handle.createQuery("SELECT " + COLUMNS + " FROM item_access a WHERE a.item_id = :item"
            + (after.isPresent() ? " AND (a.principal_type < :type OR (a.principal_type = :type"
                + " AND a.principal_id COLLATE \"C\" > :id))" : "")
            + " ORDER BY a.principal_type DESC, a.principal_id COLLATE \"C\" LIMIT :limit")
        .bind("item", item.value())
        .bind("limit", page.size() + 1);
    after.ifPresent(c -> query.bind("type", c.get(0)).bind("id", c.get(1)));
    List<AccessEntry> rows = query.map(JdbcAclStore::entry).list();
    return PageCursor.page(rows, page, e -> PageCursor.of(e.principal().kind().name(), e.principal().value()));
  }

  @Override
  public void grant(AccessEntry entry) {
    handle.createUpdate("""
            INSERT INTO item_access (item_id, principal_type, principal_id, role, granted_by, granted_at)
            VALUES (:item, :type, :id, :role, :by, :at)
            ON CONFLICT (item_id, principal_type, principal_id)
              DO UPDATE SET role = EXCLUDED.role, granted_by = EXCLUDED.granted_by, granted_at = EXCLUDED.granted_at""")
        .bind("item", entry.item().value())
        .bind("type", entry.principal().kind().name())
        .bind("id", entry.principal().value())
        .bind("role", entry.role().name())
        .bind("by", entry.grantedBy().value())
        .bind("at", Rows.at(entry.at()))
        .execute();
  }

  @Override
  public boolean revoke(ItemId item, Principal principal) {
    return handle.createUpdate("DELETE FROM item_access WHERE item_id = :item AND principal_type = :type"
            + " AND principal_id = :id")
        .bind("item", item.value())
        .bind("type", principal.kind().name())
        .bind("id", principal.value())
        .execute() > 0;
  }

  @Override
  public List<AccessEntry> applicable(ItemId item, UserId user, Set<TeamId> teams) {
    return handle.createQuery(PATH + NAMING + """
            ORDER BY up.depth, a.principal_type DESC, a.principal_id COLLATE "C\"""")
        .bind("item", item.value())
        .bind("user", user.value())
        .bindArray("teams", String.class, teams.stream().map(TeamId::value).toList())
        .map(JdbcAclStore::entry)
        .list();
  }

  @Override
  public List<AccessEntry> onPath(ItemId item) {
    return handle.createQuery(PATH + """
            ORDER BY up.depth, a.principal_type DESC, a.principal_id COLLATE "C\"""")
        .bind("item", item.value())
        .map(JdbcAclStore::entry)
        .list();
  }

  @Override
  public List<AccessEntry> below(ItemId root, UserId user, Set<TeamId> teams) {
    return handle.createQuery("""
            WITH RECURSIVE down(id) AS (
              SELECT id FROM items WHERE parent_id = :root
              UNION
              SELECT c.id FROM items c JOIN down d ON c.parent_id = d.id)
            SELECT""" + " " + COLUMNS + """
             FROM down JOIN item_access a ON a.item_id = down.id
            """ + NAMING + """
            ORDER BY a.item_id, a.principal_type DESC, a.principal_id COLLATE "C\"""")
        .bind("root", root.value())
        .bind("user", user.value())
        .bindArray("teams", String.class, teams.stream().map(TeamId::value).toList())
        .map(JdbcAclStore::entry)
        .list();
  }

  /**
   * The entry of a row of {@code [item_id, principal_type, principal_id, role, granted_by,
   * granted_at in microseconds since the epoch]}.
   */
  static AccessEntry entryOf(List<String> row) {
    long micros = Long.parseLong(row.get(5));
    return new AccessEntry(ItemId.of(java.util.UUID.fromString(row.get(0))),
        Principal.of(Principal.Kind.valueOf(row.get(1)), row.get(2)), ProjectRole.valueOf(row.get(3)),
        UserId.of(row.get(4)), java.time.Instant.EPOCH.plus(micros, java.time.temporal.ChronoUnit.MICROS));
  }

  private static AccessEntry entry(ResultSet rows, StatementContext ctx) throws SQLException {
    return new AccessEntry(
        ItemId.of(Rows.uuid(rows, "item_id")),
        Principal.of(Principal.Kind.valueOf(rows.getString("principal_type")), rows.getString("principal_id")),
        ProjectRole.valueOf(rows.getString("role")),
        UserId.of(rows.getString("granted_by")),
        Rows.instant(rows, "granted_at"));
  }
}
