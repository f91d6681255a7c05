package io.stockage.jdbc.internal;

import io.stockage.AuditEntry;
import io.stockage.ItemId;
import io.stockage.OrgId;
import io.stockage.Page;
import io.stockage.PageRequest;
import io.stockage.spi.AuditHead;
import io.stockage.spi.AuditLink;
import io.stockage.spi.AuditRecord;
import io.stockage.spi.ChangeRecord;
import io.stockage.spi.JournalRecords;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** The change feed in {@code changes} and the hash-chained audit log (see {@link JdbcAuditLog}). */
public final class JdbcJournalRecords implements JournalRecords {
  private final Handle handle;
  private final JdbcAuditLog audit;

  /** Records on the transaction's handle. */
  public JdbcJournalRecords(Handle handle) {
    this.handle = Objects.requireNonNull(handle, "handle");
    this.audit = new JdbcAuditLog(handle);
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

  @Override
  public void audit(AuditRecord record) {
    audit.append(record);
  }

  @Override
  public Page<AuditEntry> auditLog(OrgId org, PageRequest page) {
    return audit.page(org, page);
  }

  @Override
  public List<AuditLink> auditChain(OrgId org, long afterId, int limit) {
    return audit.chain(org, afterId, limit);
  }

  @Override
  public Optional<AuditHead> auditHead(OrgId org) {
    return audit.head(org);
  }
}
