package io.stockage.jdbc.internal;

import io.stockage.Item;
import io.stockage.ItemId;
import io.stockage.ItemType;
import io.stockage.OrgId;
import io.stockage.Page;
import io.stockage.StockageException;
import io.stockage.PageRequest;
import io.stockage.ProjectId;
import io.stockage.TeamId;
import io.stockage.UserId;
import io.stockage.spi.catalog.ItemRecords;
import io.stockage.spi.catalog.ItemStanding;
import io.stockage.spi.catalog.PageCursor;
import io.stockage.spi.catalog.RevisionRecord;
import io.stockage.spi.catalog.Visibility;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Files and folders in {@code items}. A folder's children are the rows whose
 * {@code coalesce(parent_id, project_id)} is the folder's id, or the project's id at the root;
 * the unique index {@code items_live_name_uq} on that key and the name keeps live sibling names
 * unique. Trashed rows carry {@code deleted_at} and {@code trashed_with}, the id of the item whose
 * trashing took them along. Custom field values are the {@code jsonb} object {@code custom_fields}
 * ({@link Json}); tags are rows of {@code item_tags} ({@link JdbcItemTags}), aggregated into each
 * row a query returns.
 */
public final class JdbcItemRecords implements ItemRecords {
  private static final String COLUMNS = "id, org_id, project_id, parent_id, type, name, mount, size, mime_type,"
      + " sha256, revision, owner_id, vault, custom_fields, created_at, updated_at, deleted_at";
  // ON CONFLICT on the live-name index keeps the transaction usable when the name is taken.
  private static final String INSERT = "INSERT INTO items (" + COLUMNS + ") VALUES (:id, :org, :project,"
      + " CAST(:parent AS uuid), :type, :name, :mount, :size, :mimeType, :sha256, :revision, :owner,"
      + " :vault, CAST(:fields AS jsonb), :createdAt, :updatedAt, CAST(:deletedAt AS timestamptz))"
      + " ON CONFLICT (project_id, coalesce(parent_id, project_id), name) WHERE deleted_at IS NULL DO NOTHING";
  // Every query reads items through this: the row, its custom fields as JSON text, its tags.
  static final String SELECT = "SELECT i.id, i.org_id, i.project_id, i.parent_id, i.type, i.name, i.mount,"
      + " i.size, i.mime_type, i.sha256, i.revision, i.owner_id, i.vault, CAST(i.custom_fields AS text) AS fields,"
      + " coalesce(tg.names, '{}') AS tags, i.created_at, i.updated_at, i.deleted_at FROM items i"
      + JdbcItemTags.NAMES;
  // The current revision's columns that findWithAccess reads with the item (built once).
  private static final String CURRENT_REVISION = JdbcRevisionRecords.columns("r_");
  private static final String SIBLINGS =
      "i.project_id = :project AND coalesce(i.parent_id, i.project_id) = :parentKey AND i.deleted_at IS NULL";
  // An access entry row {@code a} naming the user or one of the teams.
  private static final String PRINCIPAL = "((a.principal_type = 'USER' AND a.principal_id = :user)"
      + " OR (a.principal_type = 'TEAM' AND a.principal_id = ANY (CAST(:teams AS text[]))))";
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
    int inserted = bind(handle.createUpdate(INSERT), item).execute();
    if (inserted == 0) {
      throw JdbcErrors.itemNameTaken(item.name());
    }
    JdbcItemTags.add(handle, item, item.tags().stream().sorted().toList());
  }

  /**
   * {@inheritDoc}
   *
   * <p>One statement: the revision is inserted from the item's row, so a name taken inserts neither.
   */
  @Override
  public void insert(Item file, RevisionRecord first) {
    Query query = handle.createQuery("WITH i AS (" + INSERT + " RETURNING id), r AS ("
        + JdbcRevisionRecords.insert("i.id", " CROSS JOIN i") + " RETURNING 1)"
        + " SELECT (SELECT count(*) FROM i) AS items, (SELECT count(*) FROM r) AS revisions");
    int[] inserted = JdbcRevisionRecords.bind(bind(query, file), first)
        .map((rows, ctx) -> new int[] {rows.getInt("items"), rows.getInt("revisions")})
        .one();
    if (inserted[0] == 0) {
      throw JdbcErrors.itemNameTaken(file.name());
    }
    if (inserted[1] == 0) {
      throw JdbcRevisionRecords.keyMismatch(first);
    }
    JdbcItemTags.add(handle, file, file.tags().stream().sorted().toList());
  }

  private static <T extends SqlStatement<T>> T bind(T statement, Item item) {
    return statement.bind("id", item.id().value())
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
        .bind("fields", Json.fields(item.customFields()))
        .bind("createdAt", Rows.at(item.createdAt()))
        .bind("updatedAt", Rows.at(item.updatedAt()))
        .bind("deletedAt", Rows.at(item.deletedAt()));
  }

  @Override
  public Optional<Item> find(ItemId id) {
    return findById(id, "");
  }

  @Override
  public Optional<Item> findForUpdate(ItemId id) {
    // Locks the item row only: the tags are read, not locked.
    return findById(id, " FOR UPDATE OF i");
  }

  /**
   * {@inheritDoc} One statement: the item row joined with its project's, the member rows and the
   * entries (those on the item and on every folder above it, walked up as {@link JdbcAclStore}
   * does) each aggregated into a JSON array, in the orders their own reads give.
   */
  @Override
  public Optional<ItemStanding> findWithAccess(ItemId id, UserId user, Set<TeamId> teams, boolean lock) {
    String sql = "SELECT " + JdbcProjectRecords.columns("p", "p_") + ","
        + " (SELECT json_agg(json_build_array(m.principal_type, m.principal_id, m.role)"
        + " ORDER BY m.principal_type DESC, m.principal_id) FROM project_members m"
        + " WHERE m.project_id = i.project_id AND " + JdbcProjectRecords.MEMBERSHIP + ") AS memberships,"
        + " (WITH RECURSIVE up(id, parent_id, depth) AS (SELECT i.id, i.parent_id, 0"
        + " UNION SELECT x.id, x.parent_id, up.depth + 1 FROM items x JOIN up ON x.id = up.parent_id)"
        + " SELECT json_agg(json_build_array(a.item_id, a.principal_type, a.principal_id, a.role, a.granted_by,"
        + " CAST(extract(epoch FROM a.granted_at) * 1000000 AS bigint))"
        + " ORDER BY up.depth, a.principal_type DESC, a.principal_id COLLATE \"C\")"
        + " FROM up JOIN item_access a ON a.item_id = up.id" + JdbcAclStore.NAMING + ") AS entries, "
        + CURRENT_REVISION + ", "
        + SELECT.substring("SELECT ".length()) + " JOIN projects p ON p.id = i.project_id"
        + " LEFT JOIN revisions r ON r.item_id = i.id AND r.number = i.revision AND i.type = 'FILE'"
        + " LEFT JOIN blobs b ON b.id = r.blob_id WHERE i.id = :id"
        + (lock ? " FOR UPDATE OF i" : "");
    return handle.createQuery(sql)
        .bind("id", id.value())
        .bind("user", user.value())
        .bindArray("teams", String.class, teams.stream().map(TeamId::value).toList())
        .map((rows, ctx) -> new ItemStanding(item(rows, ctx), JdbcProjectRecords.project(rows, "p_"),
            Json.rows(rows.getString("memberships")).stream().map(JdbcProjectRecords::membershipOf).toList(),
            Json.rows(rows.getString("entries")).stream().map(JdbcAclStore::entryOf).toList(),
            rows.getObject("r_number") == null ? Optional.empty()
                : Optional.of(JdbcRevisionRecords.record(rows, "r_"))))
        .findOne();
  }

  private Optional<Item> findById(ItemId id, String lock) {
    return handle.createQuery(SELECT + " WHERE i.id = :id" + lock)
        .bind("id", id.value())
        .map(JdbcItemRecords::item)
        .findOne();
  }

  @Override
  public Optional<Item> findChild(ProjectId project, Optional<ItemId> parent, String name) {
    return handle.createQuery(SELECT + " WHERE " + SIBLINGS + " AND i.name = :name")
        .bind("project", project.value())
        .bind("parentKey", parentKey(project, parent))
        .bind("name", name)
        .map(JdbcItemRecords::item)
        .findOne();
  }

  @Override
  public Page<Item> children(ProjectId project, Optional<ItemId> parent, Visibility visibility,
      io.stockage.ListOrder order, PageRequest page) {
    // Keyset paging in the order of an index of the order's own (items_children_keyset_idx by name,
    // items_children_newest_idx, items_children_largest_idx), each carrying what the filter reads:
    // a page is one index range scan from the cursor on, and skipped rows cost an index entry each,
    // never their tags. Byte order (COLLATE "C") gives the same name order on every server,
    // whatever its locale. Folders first: (type <> 'FOLDER') is false for them, and
    // (type = 'FOLDER') true, read backwards in the descending orders.
    Keyset keyset = Keyset.of(order);
    Optional<PageCursor> after = PageCursor.of(page, keyset.arity());
    String sql = SELECT + " JOIN (SELECT i.id FROM items i WHERE " + SIBLINGS
        + (after.isPresent() ? " AND " + keyset.after() : "")
        + " AND (:all OR (:regular AND NOT i.vault) OR i.owner_id = :user"
        + " OR EXISTS (SELECT 1 FROM item_access a WHERE a.item_id = i.id AND " + PRINCIPAL + "))"
        + keyset.orderBy() + " LIMIT :limit) page ON page.id = i.id" + keyset.orderBy();
    Query query = handle.createQuery(sql)
        .bind("project", project.value())
        .bind("parentKey", parentKey(project, parent))
        .bind("all", visibility.all())
        .bind("regular", visibility.regular())
        .bind("user", visibility.user().value())
        .bindArray("teams", String.class, visibility.teams().stream().map(TeamId::value).toList())
        .bind("limit", page.size() + 1);
    after.ifPresent(c -> keyset.bind(query, c));
    List<Item> rows = query.map(JdbcItemRecords::item).list();
    return PageCursor.page(rows, page, keyset::cursor);
  }

  /** How a listing order pages: its ORDER BY, the condition past a cursor, and the cursor of a row. */
  private enum Keyset {
    NAME(" ORDER BY (i.type <> 'FOLDER'), i.name COLLATE \"C\", i.id",
        "((i.type <> 'FOLDER'), i.name COLLATE \"C\", i.id) > (:file, :key COLLATE \"C\", :id)", 3),
    NEWEST(" ORDER BY (i.type = 'FOLDER') DESC, i.updated_at DESC, i.id DESC",
        "((i.type = 'FOLDER'), i.updated_at, i.id) < (:folder, :key, :id)", 4),
    LARGEST(" ORDER BY (i.type = 'FOLDER') DESC, i.size DESC, i.id DESC",
        "((i.type = 'FOLDER'), i.size, i.id) < (:folder, :key, :id)", 4);

    private final String orderBy;
    private final String after;
    private final int arity;

    Keyset(String orderBy, String after, int arity) {
      this.orderBy = orderBy;
      this.after = after;
      this.arity = arity;
    }

    static Keyset of(io.stockage.ListOrder order) {
      return valueOf(order.name());
    }

    String orderBy() {
      return orderBy;
    }

    String after() {
      return after;
    }

    // The name order's cursors are (file?, name, id), as before there were other orders; the
    // others start with the order's name, so that a cursor of one order is refused by another.
    int arity() {
      return arity;
    }

    void bind(Query query, PageCursor cursor) {
      switch (this) {
        case NAME -> query.bind("file", Boolean.parseBoolean(cursor.get(0))).bind("key", cursor.get(1))
            .bind("id", cursor.uuid(2));
        case NEWEST, LARGEST -> {
          if (!cursor.get(0).equals(name())) {
            throw StockageException.of(io.stockage.ErrorKind.INVALID_ARGUMENT,
                "this cursor belongs to another order of the listing");
          }
          query.bind("folder", Boolean.parseBoolean(cursor.get(1))).bind("id", cursor.uuid(3));
          if (this == NEWEST) {
            query.bind("key", Rows.at(cursor.instant(2)));
          } else {
            query.bind("key", cursor.number(2));
          }
        }
      }
    }

    PageCursor cursor(Item i) {
      String id = i.id().value().toString();
      return switch (this) {
        case NAME -> PageCursor.of(Boolean.toString(!i.isFolder()), i.name(), id);
        case NEWEST -> PageCursor.of(name(), Boolean.toString(i.isFolder()), i.updatedAt().toString(), id);
        case LARGEST -> PageCursor.of(name(), Boolean.toString(i.isFolder()), Long.toString(i.size()), id);
      };
    }
  }

  @Override
  public Page<Item> trashed(ProjectId project, PageRequest page) {
    // The roots of the trash operations: what went with them carries their id in trashed_with.
    Optional<PageCursor> after = PageCursor.of(page, 2);
    Query query = handle.createQuery(SELECT + " WHERE i.project_id = :project AND i.deleted_at IS NOT NULL"
            + " AND i.trashed_with = i.id"
            + (after.isPresent() ? " AND (i.deleted_at, i.id) < (:at, :id)" : "")
            + " ORDER BY i.deleted_at DESC, i.id DESC LIMIT :limit")
        .bind("project", project.value())
        .bind("limit", page.size() + 1);
    after.ifPresent(c -> query.bind("at", Rows.at(c.instant(0))).bind("id", c.uuid(1)));
    List<Item> rows = query.map(JdbcItemRecords::item).list();
    return PageCursor.page(rows, page,
        i -> PageCursor.of(i.deletedAt().orElseThrow().toString(), i.id().value().toString()));
  }

  @Override
  public Page<Item> vaultFiles(OrgId org, UserId user, Set<TeamId> teams, PageRequest page) {
    // Shared: the items with an entry for the user or a team, and everything below them.
    // Newest first; the key is (created_at, id), both descending.
    Optional<PageCursor> after = PageCursor.of(page, 2);
    String sql = """
        WITH RECURSIVE shared(id) AS (
          SELECT a.item_id FROM item_access a WHERE """ + PRINCIPAL + """
          UNION
          SELECT c.id FROM items c JOIN shared s ON c.parent_id = s.id)
        """ + SELECT + """
         WHERE i.org_id = :org AND i.vault AND i.type = 'FILE' AND i.deleted_at IS NULL
          AND (i.owner_id = :user OR i.id IN (SELECT id FROM shared)
            OR EXISTS (SELECT 1 FROM project_members m WHERE m.project_id = i.project_id AND
              ((m.principal_type = 'USER' AND m.principal_id = :user)
                OR (m.principal_type = 'TEAM' AND m.principal_id = ANY (CAST(:teams AS text[]))))))
        """ + (after.isPresent() ? " AND (i.created_at, i.id) < (:at, :id)" : "")
        + " ORDER BY i.created_at DESC, i.id DESC LIMIT :limit";
    Query query = handle.createQuery(sql)
        .bind("org", org.value())
        .bind("user", user.value())
        .bindArray("teams", String.class, teams.stream().map(TeamId::value).toList())
        .bind("limit", page.size() + 1);
    after.ifPresent(c -> query.bind("at", Rows.at(c.instant(0))).bind("id", c.uuid(1)));
    List<Item> rows = query.map(JdbcItemRecords::item).list();
    return PageCursor.page(rows, page, i -> PageCursor.of(i.createdAt().toString(), i.id().value().toString()));
  }

  /**
   * {@inheritDoc}
   *
   * <p>Writes the parent, name, size, MIME type, SHA-256, revision, custom fields, tags and update
   * time; the other fields never change, and the trash state changes only by {@link #trash} and
   * {@link #untrash}.
   */
  @Override
  public void update(Item item) {
    String fields = Json.fields(item.customFields());
    int updated = Savepoints.guard(handle, () -> handle.createUpdate("""
            UPDATE items SET parent_id = CAST(:parent AS uuid), name = :name, size = :size,
              mime_type = :mimeType, sha256 = :sha256, revision = :revision,
              custom_fields = CAST(:fields AS jsonb), updated_at = :updatedAt
            WHERE id = :id""")
        .bind("id", item.id().value())
        .bind("parent", item.parent().map(ItemId::value).orElse(null))
        .bind("name", item.name())
        .bind("size", item.size())
        .bind("mimeType", item.mimeType())
        .bind("sha256", item.sha256())
        .bind("revision", item.revision())
        .bind("fields", fields)
        .bind("updatedAt", Rows.at(item.updatedAt()))
        .execute());
    if (updated == 0) {
      throw JdbcErrors.notFound("item " + item.id());
    }
    JdbcItemTags.replace(handle, item);
  }

  @Override
  public List<Item> descendants(ItemId root) {
    // depth orders parents before their children.
    return handle.createQuery("""
            WITH RECURSIVE down(id, depth) AS (
              SELECT id, 0 FROM items WHERE id = :root
              UNION
              SELECT c.id, d.depth + 1 FROM items c JOIN down d ON c.parent_id = d.id)
            """ + SELECT + " JOIN down d ON d.id = i.id WHERE d.depth > 0 ORDER BY d.depth, i.id")
        .bind("root", root.value())
        .map(JdbcItemRecords::item)
        .list();
  }

  @Override
  public boolean holdsVault(ProjectId project) {
    return handle.createQuery("SELECT EXISTS (SELECT 1 FROM items WHERE project_id = :project AND vault)")
        .bind("project", project.value())
        .mapTo(Boolean.class)
        .one();
  }

  @Override
  public List<Item> vaultReachedBy(OrgId org, TeamId team) {
    // Down from every item with an entry for the team (an entry applies below it), plus the
    // items of the projects where the team holds a role; vault ones only.
    return handle.createQuery("""
            WITH RECURSIVE down(id) AS (
              SELECT a.item_id FROM item_access a JOIN items e ON e.id = a.item_id
               WHERE a.principal_type = 'TEAM' AND a.principal_id = :team AND e.org_id = :org
              UNION
              SELECT c.id FROM items c JOIN down d ON c.parent_id = d.id),
            reached(id) AS (
              SELECT id FROM down
              UNION
              SELECT p.id FROM items p JOIN project_members m ON m.project_id = p.project_id
               WHERE m.principal_type = 'TEAM' AND m.principal_id = :team AND p.org_id = :org AND p.vault)
            """ + SELECT + " WHERE i.vault AND i.id IN (SELECT id FROM reached) ORDER BY i.id")
        .bind("org", org.value())
        .bind("team", team.value())
        .map(JdbcItemRecords::item)
        .list();
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

  private static Set<String> tags(ResultSet rows) throws SQLException {
    Array array = rows.getArray("tags");
    try {
      return Set.copyOf(Arrays.asList((String[]) array.getArray()));
    } finally {
      array.free();
    }
  }

  static Item item(ResultSet rows, StatementContext ctx) throws SQLException {
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
        tags(rows),
        Json.fields(rows.getString("fields")),
        Rows.instant(rows, "created_at"),
        Rows.instant(rows, "updated_at"),
        Rows.optionalInstant(rows, "deleted_at"));
  }
}
