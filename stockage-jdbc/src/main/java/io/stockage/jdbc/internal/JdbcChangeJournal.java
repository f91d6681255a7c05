package io.stockage.jdbc.internal;

import io.stockage.ItemId;
import io.stockage.spi.catalog.ChangeJournal;
import io.stockage.spi.catalog.ChangeRecord;
import java.util.Objects;
import org.jdbi.v3.core.Handle;

/** The change feed's rows in {@code changes}. */
public final class JdbcChangeJournal implements ChangeJournal {
  private final Handle handle;

  /** The journal on the transaction's handle. */
  public JdbcChangeJournal(Handle handle) {
    this.handle = Objects.requireNonNull(handle, "handle");
  }

  @Override
  public long append(ChangeRecord change) {
    return handle.createQuery("""
            INSERT INTO changes (org_id, project_id, item_id, kind, revision, actor, at)
            VALUES (:org, :project, CAST(:item AS uuid), :kind, :revision, :actor, :at)
            RETURNING seq""")
        .bind("org", change.org().value())
        .bind("project", change.project().value())
        .bind("item", change.item().map(ItemId::value).orElse(null))
        .bind("kind", change.kind().name())
        .bind("revision", change.revision().isPresent() ? change.revision().getAsInt() : null)
        .bind("actor", change.actor().value())
        .bind("at", Rows.at(change.at()))
        .mapTo(Long.class)
        .one();
  }
}
