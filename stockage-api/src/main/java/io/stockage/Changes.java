package io.stockage;

/**
 * The change feed ({@link Stockage#changes()}): every change of the managed items and projects
 * of the subject's organization, durable, in commit order, filtered by what the subject may see
 * when it reads. A client keeps the {@link ChangeCursor} of the last change it handled and asks
 * for what came after: nothing is missed and nothing repeated, across reconnects, restarts and
 * nodes.
 *
 * <p>Commit order: a change becomes readable once every transaction that started writing before
 * it has ended, so a change that commits late is never skipped by a reader that went on. A long
 * transaction therefore holds the feed back; {@link Maintenance#changeFeedLag()} says by how much.
 *
 * <p>What a subject sees: the changes of the items it may view now (trashed ones included), of the
 * projects it belongs to, and {@link ChangeKind#ACCESS_LOST} for an item it lost (an entry revoked
 * from it or its team, a move out of a folder it sees) or a project it left. A
 * {@link ChangeKind#PURGED} item is seen by those who see its folder, and by the owner and the
 * holders of an entry on it when it was purged.
 */
public interface Changes {

  /**
   * The changes after the cursor the subject may see, at most {@code limit} (1 to 1,000), and the
   * cursor to read on from. Fails with {@link ErrorKind#RESYNC_REQUIRED} when the feed's
   * retention has already removed changes after the cursor.
   */
  ChangePage page(Subject subject, ChangeCursor after, int limit);

  /** The same, within one project the subject may see. */
  ChangePage page(Subject subject, ProjectId project, ChangeCursor after, int limit);

  /** The cursor of "now": reading from it returns only changes that come after this call. */
  ChangeCursor latestCursor(Subject subject);

  /**
   * Pushes the changes after the cursor to the listener as they commit, on any node, checked
   * against the subject's permissions at delivery. A listener that falls behind is dropped with
   * {@link Subscription.CloseReason#SLOW_LISTENER} and resumes from its cursor; it never holds up
   * other listeners. Fails with {@link ErrorKind#RESYNC_REQUIRED} at once when the feed no longer
   * holds what followed the cursor.
   */
  Subscription subscribe(Subject subject, ChangeCursor after, ChangeListener listener);

  /** The same, within one project the subject may see. */
  Subscription subscribe(Subject subject, ProjectId project, ChangeCursor after, ChangeListener listener);
}
