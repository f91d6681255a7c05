package io.stockage.jdbc.internal;

import io.stockage.ItemId;
import io.stockage.spi.AuditRecord;
import io.stockage.spi.ChangeRecord;
import io.stockage.spi.JournalRecords;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;

/** The change feed in {@code changes} and the audit log in {@code audit_log}. */
public final class JdbcJournalRecords implements JournalRecords {
  private final Handle handle;

  /** Records on the transaction's handle. */
  public JdbcJournalRecords(Handle handle) {
    this.handle = Objects.requireNonNull(handle, "handle");
  }

  @Override
  public long change(ChangeRecord change) {
    return handle.createQuery("""
            INSERT INTO changes (org_id, project_id, item_id, kind, revision, actor, at)
            VALUES (:org, :project, CAST(:item AS uuid), :kind, :revision, :actor, :at)
            RETURNING seq""")
        .bind("org", change.org().value())
        .bind("project", change.project().value())
        .bind("item", change.item().map(ItemId::value).orElse(null))
        .bind("kind", change.kind().name())
        .bind("revision", change.revision())
        .bind("actor", change.actor().value())
        .bind("at", Rows.at(change.at()))
        .mapTo(Long.class)
        .one();
  }

  /**
   * {@inheritDoc}
   *
   * <p>The details become a JSON object of strings, built by PostgreSQL's
   * {@code jsonb_object(keys, values)} from two bound arrays: no value is ever spliced into JSON
   * or SQL text.
   */
  @Override
  public void audit(AuditRecord record) {
    Map<String, String> details = new TreeMap<>(record.details());
    handle.createUpdate("""
            INSERT INTO audit_log (org_id, actor, action, target, outcome, details, at)
            VALUES (:org, :actor, :action, :target, :outcome,
              jsonb_object(CAST(:keys AS text[]), CAST(:values AS text[])), :at)""")
        .bind("org", record.org().value())
        .bind("actor", record.actor().value())
        .bind("action", record.action())
        .bind("target", record.target())
        .bind("outcome", record.outcome().name())
        .bindArray("keys", String.class, List.copyOf(details.keySet()))
        .bindArray("values", String.class, List.copyOf(details.values()))
        .bind("at", Rows.at(record.at()))
        .execute();
  }
}
