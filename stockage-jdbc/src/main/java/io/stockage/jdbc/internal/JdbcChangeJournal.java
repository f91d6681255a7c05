package io.stockage.jdbc.internal;

import io.stockage.Change;
import io.stockage.ChangeCursor;
import io.stockage.ChangeKind;
import io.stockage.ChangePage;
import io.stockage.ItemId;
import io.stockage.Principal;
import io.stockage.ProjectId;
import io.stockage.TeamId;
import io.stockage.UserId;
import io.stockage.spi.catalog.AuditRecord;
import io.stockage.spi.catalog.ChangeJournal;
import io.stockage.spi.catalog.ChangeRecord;
import io.stockage.spi.catalog.FeedSpec;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * The change feed's rows in {@code changes}, placed by (writing transaction id, number) and read
 * below the snapshot's {@code xmin} (see {@link ChangeJournal}). A read filters by permission in
 * its statement with the rules of search and listings, applied to the item as it is now; a purged
 * item is judged by what its row kept.
 */
public final class JdbcChangeJournal implements ChangeJournal {
  /** The channel every node listens on; a notification carries nothing but the wake-up. */
  public static final String CHANNEL = "stockage_changes";

  // The index job of the change row c inserted (its org, item, revision, kind and time).
  private static final String JOB = "INSERT INTO index_jobs (org_id, item_id, revision, reason, run_after,"
      + " created_at) SELECT org_id, item_id, revision, kind, at, at FROM c";
  private static final String HORIZON = "pg_snapshot_xmin(pg_current_snapshot())";
  // The reader is the principal named by a change of access.
  private static final String CONCERNS_READER = "((c.principal_type = 'USER' AND c.principal_id = :user)"
      + " OR (c.principal_type = 'TEAM' AND c.principal_id = ANY (CAST(:teams AS text[]))))";
  private static final String MEMBER = " IN (SELECT project_id FROM mine)";
  // An entry for the reader on the item x or a folder above it.
  private static final String ENTRY_ABOVE = "EXISTS (WITH RECURSIVE up(id, parent_id) AS ("
      + "SELECT u.id, u.parent_id FROM items u WHERE u.id = %1$s"
      + " UNION ALL SELECT p.id, p.parent_id FROM items p JOIN up ON p.id = up.parent_id)"
      + " SELECT 1 FROM up JOIN item_access a ON a.item_id = up.id"
      + " WHERE (a.principal_type = 'USER' AND a.principal_id = :user)"
      + " OR (a.principal_type = 'TEAM' AND a.principal_id = ANY (CAST(:teams AS text[]))))";
  // What listings and search let the reader see of an item row (trashed ones included).
  private static final String SEES = "(%1$s.project_id" + MEMBER + " OR (:regular AND NOT %1$s.vault)"
      + " OR %1$s.owner_id = :user OR " + ENTRY_ABOVE.formatted("%1$s.id") + ")";
  // The reader sees the project's root.
  private static final String SEES_ROOT = "(c.project_id" + MEMBER + " OR (:regular AND NOT c.vault))";
  // A gone item, by what its row kept: its folder, owner, vault flag and entries when purged.
  private static final String SAW_GONE = "(" + SEES_ROOT + " OR c.owner_id = :user OR " + SEES.formatted("f")
      + " OR 'USER:' || :user = ANY (c.viewers) OR c.viewers && CAST(:teamViewers AS text[]))";
  private static final String SHOWN = """
      CASE
        WHEN c.mount IS NOT NULL THEN CASE WHEN :admin OR EXISTS (SELECT 1 FROM mount_members mm
          WHERE mm.mount = c.mount AND mm.org_id = c.org_id AND ((mm.principal_type = 'USER' AND mm.principal_id = :user)
          OR (mm.principal_type = 'TEAM' AND mm.principal_id = ANY (CAST(:teams AS text[]))))) THEN c.kind END
        WHEN c.item_id IS NULL THEN CASE
          WHEN c.project_id IN (SELECT project_id FROM mine) OR :regular THEN c.kind
          WHEN c.kind = 'PERMISSIONS_CHANGED' AND %1$s THEN 'ACCESS_LOST' END
        WHEN i.id IS NULL THEN CASE WHEN %2$s THEN c.kind END
        WHEN %3$s THEN c.kind
        WHEN c.kind = 'PERMISSIONS_CHANGED' AND %1$s THEN 'ACCESS_LOST'
        WHEN c.kind = 'MOVED' AND (CASE WHEN c.from_parent_id IS NULL THEN %4$s
          ELSE EXISTS (SELECT 1 FROM items o WHERE o.id = c.from_parent_id AND %5$s) END) THEN 'ACCESS_LOST'
      END""".formatted(CONCERNS_READER, SAW_GONE, SEES.formatted("i"), SEES_ROOT, SEES.formatted("o"));

  /** The writes that wait for the transaction's next statement or commit ({@link WriteBehind}). */
  static final Set<String> WAITING = Set.of("appendWithAudit");

  private final Handle handle;
  private final WriteBehind writeBehind;
  private boolean notified;

  /** The journal on the transaction's handle, its change-and-audit writes held by {@code writeBehind}. */
  public JdbcChangeJournal(Handle handle, WriteBehind writeBehind) {
    this.handle = Objects.requireNonNull(handle, "handle");
    this.writeBehind = Objects.requireNonNull(writeBehind, "writeBehind");
  }

  @Override
  public void append(ChangeRecord change) {
    insert(change, false);
  }

  @Override
  public void appendWithIndexJob(ChangeRecord change) {
    requireItem(change);
    insert(change, true);
  }

  /**
   * {@inheritDoc}
   *
   * <p>One statement: the change row (and the job) in its {@code WITH}, then
   * {@code stockage_audit_append} ({@link JdbcAuditLog#APPEND}); in a transaction it waits for the
   * next statement or goes with the {@code COMMIT} ({@link WriteBehind}).
   */
  @Override
  public void appendWithAudit(ChangeRecord change, boolean indexJob, AuditRecord audit) {
    if (indexJob) {
      requireItem(change);
    }
    boolean wake = !notified;
    String sql = "WITH " + changed(row(change), indexJob) + (indexJob ? ", j AS (" + JOB + ")" : "") + " "
        + JdbcAuditLog.APPEND;
    notified = true;
    writeBehind.write(then -> JdbcAuditLog.bind(bind(handle.createQuery(sql + then), change, wake), audit)
        .mapTo(Long.class).one());
  }

  private static void requireItem(ChangeRecord change) {
    if (change.item().isEmpty()) {
      throw new IllegalArgumentException("an index job is queued for an item, not for " + change.kind()
          + " of a project");
    }
  }

  // The change row and, with the job, the index job from the row inserted: one statement.
  private void insert(ChangeRecord change, boolean withIndexJob) {
    String row = row(change);
    bind(handle.createUpdate(!withIndexJob ? row : "WITH " + changed(row, true) + " " + JOB), change, !notified)
        .execute();
    notified = true;
  }

  // The change row as the CTE c, returning what its index job (JOB) reads when it has one.
  private static String changed(String row, boolean withIndexJob) {
    return "c AS (" + row + (withIndexJob ? " RETURNING org_id, item_id, revision, kind, at" : "") + ")";
  }

  // The insert of the change row; the transaction's first also queues the wake-up.
  private String row(ChangeRecord change) {
    boolean purge = change.kind() == ChangeKind.PURGED && change.item().isPresent();
    String values = "CAST(:org AS text), CAST(:project AS uuid), CAST(:item AS uuid), CAST(:kind AS text),"
        + " CAST(:revision AS integer), CAST(:actor AS text), CAST(:at AS timestamptz), CAST(:parent AS uuid),"
        + " CAST(:name AS text), CAST(:from AS uuid), CAST(:principalType AS text), CAST(:principalId AS text),"
        + " CAST(:vault AS boolean), CAST(:owner AS text), CAST(:mount AS text), CAST(:path AS text), "
        + (purge ? "coalesce((WITH RECURSIVE up(id, parent_id) AS (SELECT id, parent_id FROM items"
            + " WHERE id = CAST(:item AS uuid) UNION ALL SELECT p.id, p.parent_id FROM items p"
            + " JOIN up ON p.id = up.parent_id) SELECT array_agg(DISTINCT a.principal_type || ':' || a.principal_id)"
            + " FROM up JOIN item_access a ON a.item_id = up.id), '{}')" : "CAST('{}' AS text[])");
    // The transaction's first change also queues the wake-up, in the same statement: delivered when
    // the transaction commits, once however many rows it wrote.
    String source = notified ? " VALUES (" + values + ")"
        : " SELECT " + values + " FROM (SELECT pg_notify(:channel, '')) AS wake";
    return "INSERT INTO changes (org_id, project_id, item_id, kind, revision, actor, at,"
        + " parent_id, name, from_parent_id, principal_type, principal_id, vault, owner_id, mount, path, viewers)"
        + source;
  }

  // Binds the change's values for its row, and the channel when the row wakes the listeners.
  private static <T extends SqlStatement<T>> T bind(T statement, ChangeRecord change, boolean wake) {
    if (wake) {
      statement.bind("channel", CHANNEL);
    }
    return statement
        .bind("org", change.org().value())
        .bind("project", change.project().map(ProjectId::value).orElse(null))
        .bind("item", change.item().map(ItemId::value).orElse(null))
        .bind("kind", change.kind().name())
        .bind("revision", change.revision().isPresent() ? change.revision().getAsInt() : null)
        .bind("actor", change.actor().map(UserId::value).orElse(null))
        .bind("at", Rows.at(change.at()))
        .bind("parent", change.parent().map(ItemId::value).orElse(null))
        .bind("name", change.name().orElse(null))
        .bind("from", change.from().map(ItemId::value).orElse(null))
        .bind("principalType", change.principal().map(p -> p.kind().name()).orElse(null))
        .bind("principalId", change.principal().map(Principal::value).orElse(null))
        .bind("vault", change.vault())
        .bind("owner", change.owner().map(UserId::value).orElse(null))
        .bind("mount", change.mount().orElse(null))
        .bind("path", change.path().orElse(null));
  }

  @Override
  public ChangePage read(FeedSpec reader, ChangeCursor after, int limit) {
    List<String> teams = reader.teams().stream().map(TeamId::value).toList();
    String sql = "WITH mine(project_id) AS (SELECT m.project_id FROM project_members m"
        + " WHERE (m.principal_type = 'USER' AND m.principal_id = :user)"
        + " OR (m.principal_type = 'TEAM' AND m.principal_id = ANY (CAST(:teams AS text[])))),"
        + " h(horizon) AS (SELECT " + HORIZON + "),"
        + " shown AS (SELECT c.*, " + SHOWN + " AS shown_kind FROM changes c"
        + " LEFT JOIN items i ON i.id = c.item_id LEFT JOIN items f ON f.id = c.parent_id CROSS JOIN h"
        + " WHERE c.org_id = :org AND (c.org_id, c.xid, c.seq) > (:org, CAST(:xid AS xid8), :seq)"
        + " AND c.xid < h.horizon" + (reader.project().isPresent() ? " AND c.project_id = :project" : "") + "),"
        + " picked AS (SELECT * FROM shown WHERE shown_kind IS NOT NULL ORDER BY org_id, xid, seq LIMIT :limit)"
        // The horizon of the statement's own snapshot, on a row of its own when nothing is picked.
        + " SELECT CAST(h.horizon AS text) AS horizon_text, CAST(p.xid AS text) AS xid_text, p.*"
        + " FROM h LEFT JOIN picked p ON true ORDER BY p.xid, p.seq";
    Query query = handle.createQuery(sql)
        .bind("org", reader.org().value())
        .bind("user", reader.user().value())
        .bindArray("teams", String.class, teams)
        .bindArray("teamViewers", String.class, teams.stream().map(t -> "TEAM:" + t).toList())
        .bind("regular", reader.regular())
        .bind("admin", reader.admin())
        .bind("xid", Long.toString(after.xid()))
        .bind("seq", after.seq())
        .bind("limit", limit);
    reader.project().ifPresent(p -> query.bind("project", p.value()));
    List<Change> changes = new ArrayList<>();
    long[] horizon = {0};
    query.map((rows, ctx) -> {
      horizon[0] = Long.parseLong(rows.getString("horizon_text"));
      if (rows.getString("xid_text") != null) {
        changes.add(change(rows));
      }
      return 0;
    }).list();
    ChangeCursor next = changes.size() == limit ? changes.get(limit - 1).cursor()
        : max(after, ChangeCursor.at(horizon[0], 0));
    return new ChangePage(changes, next);
  }

  private static Change change(ResultSet rows) throws SQLException {
    ChangeKind kind = ChangeKind.valueOf(rows.getString("shown_kind"));
    boolean idsOnly = kind == ChangeKind.ACCESS_LOST;
    ChangeCursor cursor = ChangeCursor.at(Long.parseLong(rows.getString("xid_text")), rows.getLong("seq"));
    int revision = rows.getInt("revision");
    OptionalInt rev = rows.wasNull() || idsOnly ? OptionalInt.empty() : OptionalInt.of(revision);
    Optional<ItemId> parent = idsOnly ? Optional.empty() : Rows.optionalUuid(rows, "parent_id").map(ItemId::of);
    Optional<String> name = idsOnly ? Optional.empty() : Optional.ofNullable(rows.getString("name"));
    Optional<UserId> actor = idsOnly ? Optional.empty() : Optional.ofNullable(rows.getString("actor")).map(UserId::of);
    return new Change(cursor, kind, Rows.optionalUuid(rows, "project_id").map(ProjectId::of),
        Rows.optionalUuid(rows, "item_id").map(ItemId::of), parent, name, rev, actor,
        Optional.ofNullable(rows.getString("mount")), Optional.ofNullable(rows.getString("path")),
        Rows.instant(rows, "at"));
  }

  private static ChangeCursor max(ChangeCursor a, ChangeCursor b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  @Override
  public ChangeCursor horizon() {
    return ChangeCursor.at(handle.createQuery("SELECT CAST(" + HORIZON + " AS text)").mapTo(String.class)
        .map(Long::parseLong).one(), 0);
  }

  @Override
  public ChangeCursor head() {
    return handle.createQuery("SELECT CAST(xid AS text) AS xid_text, seq FROM changes WHERE xid < " + HORIZON
            + " ORDER BY xid DESC, seq DESC LIMIT 1")
        .map((rows, ctx) -> ChangeCursor.at(Long.parseLong(rows.getString("xid_text")), rows.getLong("seq")))
        .findOne()
        .orElse(ChangeCursor.START);
  }

  @Override
  public ChangeCursor floor() {
    return handle.createQuery("SELECT CAST(xid AS text) AS xid_text, seq FROM change_feed_floor")
        .map((rows, ctx) -> ChangeCursor.at(Long.parseLong(rows.getString("xid_text")), rows.getLong("seq")))
        .one();
  }

  @Override
  public long prune(Instant before) {
    return handle.createQuery("WITH gone AS (DELETE FROM changes WHERE at < :before AND xid < " + HORIZON
            + " RETURNING xid, seq), last AS (SELECT xid, seq FROM gone ORDER BY xid DESC, seq DESC LIMIT 1),"
            + " raised AS (UPDATE change_feed_floor f SET xid = last.xid, seq = last.seq FROM last"
            + " WHERE (last.xid, last.seq) > (f.xid, f.seq) RETURNING 1)"
            + " SELECT count(*) FROM gone")
        .bind("before", Rows.at(before))
        .mapTo(Long.class)
        .one();
  }

  @Override
  public Duration lag(Instant now) {
    return handle.createQuery("SELECT min(at) FROM changes WHERE xid >= " + HORIZON)
        .mapTo(java.time.OffsetDateTime.class)
        .findOne()
        .map(oldest -> Duration.between(oldest.toInstant(), now))
        .filter(d -> !d.isNegative())
        .orElse(Duration.ZERO);
  }
}
