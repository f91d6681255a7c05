package io.stockage.core.internal;

import io.stockage.ChangeKind;
import io.stockage.Item;
import io.stockage.ItemId;
import io.stockage.Principal;
import io.stockage.Project;
import io.stockage.spi.catalog.AuditRecord;
import io.stockage.spi.catalog.CatalogSession;
import io.stockage.spi.catalog.ChangeRecord;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one writer of change rows, in the transaction of the change. A change of an item goes to
 * the journal with the audit row of the operation that made it and, when what its search document
 * holds may have changed, an index job; the audit log also holds what changed nothing (reads,
 * denials, failures), so the two stay apart.
 */
public final class Journal {
  // Search reads the tree and permissions at query time: these leave the document as it was.
  private static final Set<ChangeKind> DOCUMENT_UNCHANGED = EnumSet.of(ChangeKind.MOVED,
      ChangeKind.PERMISSIONS_CHANGED, ChangeKind.ACCESS_LOST, ChangeKind.LOCKED, ChangeKind.UNLOCKED);

  private Journal() {}

  /** An item changed (as it is now): a change row, and the operation's audit row with its details. */
  public static void item(Operation op, CatalogSession session, Item item, ChangeKind kind, Instant at,
      Map<String, String> details) {
    audited(session, ChangeRecord.of(item, kind, op.subject().user(), at), op.allowed(details));
  }

  /** An item went to another folder: who saw it in the one it left may have lost it. */
  public static void moved(Operation op, CatalogSession session, Item item, Optional<ItemId> from, Instant at,
      Map<String, String> details) {
    audited(session, ChangeRecord.of(item, ChangeKind.MOVED, op.subject().user(), at).movedFrom(from),
        op.allowed(details));
  }

  /**
   * Access entries on an item changed; {@code losing} names the principal whose entry went (a
   * reader it names that no longer sees the item is told it lost it).
   */
  public static void access(Operation op, CatalogSession session, Item item, Optional<Principal> losing, Instant at,
      Map<String, String> details) {
    ChangeRecord change = ChangeRecord.of(item, ChangeKind.PERMISSIONS_CHANGED, op.subject().user(), at);
    audited(session, losing.map(change::concerning).orElse(change), op.allowed(details));
  }

  /**
   * An item is about to be purged: written before its rows go, so the change keeps who could see
   * it. The caller audits once the purge is done.
   */
  public static void purging(Operation op, CatalogSession session, Item item, Instant at) {
    session.changes().appendWithIndexJob(ChangeRecord.of(item, ChangeKind.PURGED, op.subject().user(), at));
  }

  /** A project itself changed (created): a change row; the caller audits. */
  public static void project(Operation op, CatalogSession session, Project project, ChangeKind kind, Instant at) {
    session.changes().append(ChangeRecord.of(project, kind, op.subject().user(), at));
  }

  /** A project's members changed, {@code losing} the one removed: a change row; the caller audits. */
  public static void access(Operation op, CatalogSession session, Project project, Optional<Principal> losing,
      Instant at) {
    ChangeRecord change = ChangeRecord.of(project, ChangeKind.PERMISSIONS_CHANGED, op.subject().user(), at);
    session.changes().append(losing.map(change::concerning).orElse(change));
  }

  // The change with the operation's audit row: one write.
  private static void audited(CatalogSession session, ChangeRecord change, AuditRecord audit) {
    session.changes().appendWithAudit(change, !DOCUMENT_UNCHANGED.contains(change.kind()), audit);
  }
}
