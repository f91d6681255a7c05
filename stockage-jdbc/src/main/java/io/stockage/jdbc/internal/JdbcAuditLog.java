package io.stockage.jdbc.internal;

import io.stockage.AuditEntry;
import io.stockage.AuditOutcome;
import io.stockage.OrgId;
import io.stockage.Page;
import io.stockage.PageRequest;
import io.stockage.UserId;
import io.stockage.spi.catalog.AuditHashes;
import io.stockage.spi.catalog.AuditHead;
import io.stockage.spi.catalog.AuditLink;
import io.stockage.spi.catalog.AuditRecord;
import io.stockage.spi.catalog.AuditRecords;
import io.stockage.spi.catalog.PageCursor;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * The audit log in {@code audit_log}, hash-chained per organization, and the chains' heads in
 * {@code audit_heads} (see {@code V5__audit_chain.sql}). Rows written before the chain existed
 * read with empty hashes.
 */
public final class JdbcAuditLog implements AuditRecords {
  private static final String COLUMNS = """
      id, org_id, actor, action, target, outcome, details::text AS details, at,
      coalesce(prev_hash, '') AS prev_hash, coalesce(hash, '') AS hash""";

  private final Handle handle;

  public JdbcAuditLog(Handle handle) {
    this.handle = Objects.requireNonNull(handle, "handle");
  }

  /**
   * Appends the row to its organization's chain in one call of {@code stockage_audit_append}
   * ({@code V23__audit_append.sql}): it creates or locks the head (an upsert locks the row it
   * updates until the transaction ends; a concurrent first append waits on the unique key, then
   * locks), only then draws the row's id, so ids grow in chain order, hashes the row over the
   * encoding sent ({@link AuditHashes#fields}), inserts it and moves the head to it. The details
   * become a JSON object of strings, built by PostgreSQL's {@code jsonb_object(keys, values)} from
   * two bound arrays: no value is ever spliced into JSON or SQL text.
   */
  @Override
  public void append(AuditRecord record) {
    bind(handle.createQuery(APPEND), record).mapTo(Long.class).one();
  }

  /** The append of a row bound by {@link #bind} ({@code a_} parameters), answering its id. */
  static final String APPEND = "SELECT stockage_audit_append(:a_org, :a_actor, :a_action, :a_target, :a_outcome,"
      + " CAST(:a_keys AS text[]), CAST(:a_values AS text[]), :a_at, :a_genesis, :a_prefix, :a_fields)";

  /** Binds the record's values for {@link #APPEND}. */
  static <T extends SqlStatement<T>> T bind(T statement, AuditRecord record) {
    // PostgreSQL keeps microseconds: the hash covers the time as it will be read back.
    AuditRecord row = new AuditRecord(record.org(), record.actor(), record.action(), record.target(),
        record.outcome(), record.details(), record.at().truncatedTo(ChronoUnit.MICROS));
    Map<String, String> details = new TreeMap<>(row.details());
    return statement.bind("a_org", row.org().value())
        .bind("a_actor", row.actor().value())
        .bind("a_action", row.action())
        .bind("a_target", row.target())
        .bind("a_outcome", row.outcome().name())
        .bindArray("a_keys", String.class, List.copyOf(details.keySet()))
        .bindArray("a_values", String.class, List.copyOf(details.values()))
        .bind("a_at", Rows.at(row.at()))
        .bind("a_genesis", AuditHashes.GENESIS)
        .bind("a_prefix", AuditHashes.prefix())
        .bind("a_fields", AuditHashes.fields(row));
  }

  /** The organization's rows, newest first. */
  @Override
  public Page<AuditEntry> list(OrgId org, PageRequest request) {
    java.util.Optional<PageCursor> after = PageCursor.of(request, 1);
    Query query = handle.createQuery("SELECT " + COLUMNS + " FROM audit_log WHERE org_id = :org"
            + (after.isPresent() ? " AND id < :after" : "") + " ORDER BY id DESC LIMIT :limit")
        .bind("org", org.value())
        .bind("limit", request.size() + 1);
    after.ifPresent(c -> query.bind("after", c.number(0)));
    List<AuditEntry> rows = query.map(JdbcAuditLog::entry).list();
    return PageCursor.page(rows, request, e -> PageCursor.of(Long.toString(e.id())));
  }

  /** At most {@code limit} rows of the organization after the given id, in id order. */
  @Override
  public List<AuditLink> chain(OrgId org, long afterId, int limit) {
    return handle.createQuery(
            "SELECT " + COLUMNS + " FROM audit_log WHERE org_id = :org AND id > :after ORDER BY id LIMIT :limit")
        .bind("org", org.value())
        .bind("after", afterId)
        .bind("limit", limit)
        .map((rows, ctx) -> new AuditLink(entry(rows, ctx), rows.getString("prev_hash")))
        .list();
  }

  /** The organization's head. */
  @Override
  public Optional<AuditHead> head(OrgId org) {
    return handle.createQuery("SELECT last_id, last_hash, chain_start FROM audit_heads WHERE org_id = :org")
        .bind("org", org.value())
        .map((rows, ctx) -> new AuditHead(rows.getLong("last_id"), rows.getString("last_hash"),
            rows.getLong("chain_start")))
        .findOne();
  }

  private static AuditEntry entry(ResultSet rows, StatementContext ctx) throws SQLException {
    return new AuditEntry(rows.getLong("id"), OrgId.of(rows.getString("org_id")), UserId.of(rows.getString("actor")),
        rows.getString("action"), rows.getString("target"), AuditOutcome.valueOf(rows.getString("outcome")),
        Json.strings(rows.getString("details")), Rows.instant(rows, "at"), rows.getString("hash"));
  }
}
