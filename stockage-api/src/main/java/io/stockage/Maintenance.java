package io.stockage;

/**
 * Background passes ({@link Stockage#maintenance()}). Retention and the reconciler act on every
 * organization, for no subject: the host's scheduler calls them (the Spring starter runs them on
 * an interval), never on behalf of a user's request. Reindexing is an organization admin's.
 */
public interface Maintenance {

  /**
   * Prunes the revisions the mounts' retention policies let go (never a file's current revision);
   * returns how many. Their content goes when the reconciler finds nothing references it.
   */
  int applyRetention();

  /**
   * Removes the change feed's changes older than its retention (the engine's
   * {@code changeRetention}, 30 days by default); returns how many. A client whose cursor lies
   * before what is left gets {@link ErrorKind#RESYNC_REQUIRED}.
   */
  long pruneChanges();

  /**
   * How long the oldest change written but not yet readable has waited: a transaction still open
   * holds back the changes committed after it started (zero when nothing waits). For monitoring.
   */
  java.time.Duration changeFeedLag();

  /** Removes the upload sessions past their expiry, with the chunks they stored; returns how many. */
  int expireUploads();

  /**
   * One reconciler pass over every managed mount: removes content nothing references any more,
   * staging objects and uploads that never committed, past the grace period. A mount that fails is
   * reported and tried again at the next pass.
   */
  ReconcileReport reconcile();

  /**
   * Queues the search index's refresh of every live item of the subject's organization (after a
   * change of extraction, or to repair the index), in bounded batches; returns how many items were
   * queued. Indexing workers then do it in the background; running it again is harmless. Needs
   * {@link OrgPermission#ADMIN}.
   */
  long reindex(Subject subject);
}
