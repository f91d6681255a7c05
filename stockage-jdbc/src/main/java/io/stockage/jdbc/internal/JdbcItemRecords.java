package io.stockage.jdbc.internal;

import io.stockage.Item;
import io.stockage.ItemId;
import io.stockage.ItemType;
import io.stockage.OrgId;
import io.stockage.Page;
import io.stockage.PageRequest;
import io.stockage.ProjectId;
import io.stockage.UserId;
import io.stockage.spi.ItemRecords;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Files and folders in {@code items}. A folder's children are the rows whose
 * {@code coalesce(parent_id, project_id)} is the folder's id, or the project's id at the root;
 * the unique index {@code items_live_name_uq} on that key and the name keeps live sibling names
 * unique. Trashed rows carry {@code deleted_at} and {@code trashed_with}, the id of the item whose
 * trashing took them along.
 */
public final class JdbcItemRecords implements ItemRecords {
  private static final String COLUMNS = "id, org_id, project_id, parent_id, type, name, mount, size, mime_type,"
      + " sha256, revision, owner_id, vault, created_at, updated_at, deleted_at";
  private static final String SIBLINGS =
      "project_id = :project AND coalesce(parent_id, project_id) = :parentKey AND deleted_at IS NULL";
  // Root and descendants, live or trashed. UNION (not ALL) stops at a cycle, should one exist.
  private static final String TREE = """
      WITH RECURSIVE tree(id) AS (
        SELECT id FROM items WHERE id = :root
        UNION
        SELECT i.id FROM items i JOIN tree t ON i.parent_id = t.id)
      """;

  private final Handle handle;

  /** Records on the transaction's handle. */
  public JdbcItemRecords(Handle handle) {
    this.handle = Objects.requireNonNull(handle, "handle");
  }

  @Override
  public void insert(Item item) {
    // ON CONFLICT on the live-name index keeps the transaction usable when the name is taken.
    int inserted = handle.createUpdate("INSERT INTO items (" + COLUMNS + ") VALUES (:id, :org, :project,"
            + " CAST(:parent AS uuid), :type, :name, :mount, :size, :mimeType, :sha256, :revision, :owner,"
            + " :vault, :createdAt, :updatedAt, CAST(:deletedAt AS timestamptz))"
            + " ON CONFLICT (project_id, coalesce(parent_id, project_id), name) WHERE deleted_at IS NULL"
            + " DO NOTHING")
        .bind("id", item.id().value())
        .bind("org", item.org().value())
        .bind("project", item.project().value())
        .bind("parent", item.parent().map(ItemId::value).orElse(null))
        .bind("type", item.type().name())
        .bind("name", item.name())
        .bind("mount", item.mount())
        .bind("size", item.size())
        .bind("mimeType", item.mimeType())
        .bind("sha256", item.sha256())
        .bind("revision", item.revision())
        .bind("owner", item.owner().value())
        .bind("vault", item.vault())
        .bind("createdAt", Rows.at(item.createdAt()))
        .bind("updatedAt", Rows.at(item.updatedAt()))
        .bind("deletedAt", Rows.at(item.deletedAt()))
        .execute();
    if (inserted == 0) {
      throw JdbcErrors.itemNameTaken(item.name());
    }
  }

  @Override
  public Optional<Item> find(ItemId id) {
    return findById(id, "");
  }

  @Override
  public Optional<Item> findForUpdate(ItemId id) {
    return findById(id, " FOR UPDATE");
  }

  private Optional<Item> findById(ItemId id, String lock) {
    return handle.createQuery("SELECT " + COLUMNS + " FROM items WHERE id = :id" + lock)
        .bind("id", id.value())
        .map(JdbcItemRecords::item)
        .findOne();
  }

  @Override
  public Optional<Item> findChild(ProjectId project, Optional<ItemId> parent, String name) {
    return handle.createQuery("SELECT " + COLUMNS + " FROM items WHERE " + SIBLINGS + " AND name = :name")
        .bind("project", project.value())
        .bind("parentKey", parentKey(project, parent))
        .bind("name", name)
        .map(JdbcItemRecords::item)
        .findOne();
  }

  @Override
  public Page<Item> children(ProjectId project, Optional<ItemId> parent, PageRequest page) {
    // Byte order (COLLATE "C") gives the same order on every server, whatever its locale.
    String sql = "SELECT " + COLUMNS + " FROM items WHERE " + SIBLINGS
        + " ORDER BY (type = 'FOLDER') DESC, name COLLATE \"C\", id LIMIT :limit OFFSET :offset";
    List<Item> rows = Pages.bind(handle.createQuery(sql), page)
        .bind("project", project.value())
        .bind("parentKey", parentKey(project, parent))
        .map(JdbcItemRecords::item)
        .list();
    return Pages.of(rows, page);
  }

  /**
   * {@inheritDoc}
   *
   * <p>Writes the parent, name, size, MIME type, SHA-256, revision and update time; the other
   * fields never change, and the trash state changes only by {@link #trash} and {@link #untrash}.
   */
  @Override
  public void update(Item item) {
    int updated = Savepoints.guard(handle, () -> handle.createUpdate("""
            UPDATE items SET parent_id = CAST(:parent AS uuid), name = :name, size = :size,
              mime_type = :mimeType, sha256 = :sha256, revision = :revision, updated_at = :updatedAt
            WHERE id = :id""")
        .bind("id", item.id().value())
        .bind("parent", item.parent().map(ItemId::value).orElse(null))
        .bind("name", item.name())
        .bind("size", item.size())
        .bind("mimeType", item.mimeType())
        .bind("sha256", item.sha256())
        .bind("revision", item.revision())
        .bind("updatedAt", Rows.at(item.updatedAt()))
        .execute());
    if (updated == 0) {
      throw JdbcErrors.notFound("item " + item.id());
    }
  }

  @Override
  public boolean isSelfOrDescendant(ItemId folder, ItemId item) {
    // Walks up from the folder: a chain of ancestors is short, a subtree may be large.
    return handle.createQuery("""
            WITH RECURSIVE up(id, parent_id) AS (
              SELECT id, parent_id FROM items WHERE id = :folder
              UNION
              SELECT i.id, i.parent_id FROM items i JOIN up ON i.id = up.parent_id)
            SELECT CAST(:folder AS uuid) = CAST(:item AS uuid) OR EXISTS (SELECT 1 FROM up WHERE id = :item)""")
        .bind("folder", folder.value())
        .bind("item", item.value())
        .mapTo(Boolean.class)
        .one();
  }

  @Override
  public int trash(ItemId root, Instant at) {
    return handle.createUpdate("""
            WITH RECURSIVE live(id) AS (
              SELECT id FROM items WHERE id = :root AND deleted_at IS NULL
              UNION
              SELECT i.id FROM items i JOIN live l ON i.parent_id = l.id WHERE i.deleted_at IS NULL)
            UPDATE items SET deleted_at = :at, trashed_with = :root WHERE id IN (SELECT id FROM live)""")
        .bind("root", root.value())
        .bind("at", Rows.at(at))
        .execute();
  }

  /**
   * {@inheritDoc}
   *
   * @throws io.stockage.StockageException {@code ALREADY_EXISTS} when a live item took the name of
   *     one coming back; the transaction stays usable
   */
  @Override
  public int untrash(ItemId root, Instant at) {
    return Savepoints.guard(handle, () -> handle.createUpdate(
            "UPDATE items SET deleted_at = NULL, trashed_with = NULL, updated_at = :at WHERE trashed_with = :root")
        .bind("root", root.value())
        .bind("at", Rows.at(at))
        .execute());
  }

  @Override
  public List<Long> purge(ItemId root) {
    // One statement: the SELECT reads the snapshot taken before the DELETE, and the revisions go
    // with their items (ON DELETE CASCADE).
    return handle.createQuery(TREE + """
            , freed AS (
              SELECT r.blob_id, r.item_id, r.number FROM revisions r JOIN tree t ON r.item_id = t.id),
            gone AS (DELETE FROM items WHERE id IN (SELECT id FROM tree))
            SELECT blob_id FROM freed ORDER BY item_id, number""")
        .bind("root", root.value())
        .mapTo(Long.class)
        .list();
  }

  private static UUID parentKey(ProjectId project, Optional<ItemId> parent) {
    return parent.map(ItemId::value).orElse(project.value());
  }

  private static Item item(ResultSet rows, StatementContext ctx) throws SQLException {
    return new Item(
        ItemId.of(Rows.uuid(rows, "id")),
        OrgId.of(rows.getString("org_id")),
        ProjectId.of(Rows.uuid(rows, "project_id")),
        Rows.optionalUuid(rows, "parent_id").map(ItemId::of),
        ItemType.valueOf(rows.getString("type")),
        rows.getString("name"),
        rows.getString("mount"),
        rows.getLong("size"),
        rows.getString("mime_type"),
        rows.getString("sha256"),
        rows.getInt("revision"),
        UserId.of(rows.getString("owner_id")),
        rows.getBoolean("vault"),
        java.util.Set.of(),
        java.util.Map.of(),
        Rows.instant(rows, "created_at"),
        Rows.instant(rows, "updated_at"),
        Rows.optionalInstant(rows, "deleted_at"));
  }
}
