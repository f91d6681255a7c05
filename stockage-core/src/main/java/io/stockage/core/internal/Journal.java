package io.stockage.core.internal;

import io.stockage.Item;
import io.stockage.Project;
import io.stockage.spi.catalog.CatalogSession;
import io.stockage.spi.catalog.ChangeKind;
import io.stockage.spi.catalog.ChangeRecord;
import java.time.Instant;
import java.util.Map;

/**
 * The one writer of change rows, in the transaction of the change. A change of an item goes to
 * the journal with the audit row of the operation that made it and, unless only its permissions
 * changed, an index job for its search document; the audit log also holds what changed nothing
 * (reads, denials, failures), so the two stay apart.
 */
public final class Journal {
  private Journal() {}

  /** An item changed (as it is now): a change row, and the operation's audit row with its details. */
  public static void item(Operation op, CatalogSession session, Item item, ChangeKind kind, Instant at,
      Map<String, String> details) {
    ChangeRecord change = ChangeRecord.of(item, kind, op.subject().user(), at);
    session.changes().append(change);
    if (kind != ChangeKind.PERMISSIONS_CHANGED) {
      // Permissions are read at query time: only what the document holds needs a refresh.
      session.search().enqueue(item.org(), item.id(), change.revision(), kind.name(), at);
    }
    session.audit().append(op.allowed(details));
  }

  /** A project itself changed (created, members or teams): a change row; the caller audits. */
  public static void project(Operation op, CatalogSession session, Project project, ChangeKind kind, Instant at) {
    session.changes().append(ChangeRecord.of(project, kind, op.subject().user(), at));
  }
}
