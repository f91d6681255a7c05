package io.stockage;

/**
 * Background passes the host schedules ({@link Stockage#maintenance()}; the Spring starter runs
 * them on an interval). They act on every organization, for no subject: call them from the host's
 * scheduler, never on behalf of a user's request.
 */
public interface Maintenance {

  /**
   * Prunes the revisions the mounts' retention policies let go (never a file's current revision);
   * returns how many. Their content goes when the reconciler finds nothing references it.
   */
  int applyRetention();

  /**
   * One reconciler pass over every managed mount: removes content nothing references any more,
   * staging objects and uploads that never committed, past the grace period. A mount that fails is
   * reported and tried again at the next pass.
   */
  ReconcileReport reconcile();
}
