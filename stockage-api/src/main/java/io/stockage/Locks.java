package io.stockage;

import java.util.Optional;

/**
 * Locks on files, for online editors (WOPI semantics), kept in the catalog so that they hold
 * across restarts and nodes ({@link Stockage#locks()}). A lock is on a managed file or on a live
 * mount's path; while it lasts, a new revision, a write, a rename, a move, an update, a trash or a
 * purge of the file fails with {@link ErrorKind#LOCKED} — carrying the current lock id
 * ({@link StockageException#lockId()}) — unless the subject presents the lock's id
 * ({@link Subject#holding}). An expired lock is gone. Taking, refreshing and releasing a lock
 * needs {@code CHANGE} on the file ({@code EDITOR} on a live mount); a mismatch is {@code LOCKED}
 * with the current id (empty when there is none). Locks and unlocks are audited and go to the
 * change feed ({@link ChangeKind#LOCKED}, {@link ChangeKind#UNLOCKED}).
 */
public interface Locks {

  /**
   * Takes the lock; under the id it already holds, refreshes it. Locked under another id:
   * {@code LOCKED} with that id.
   */
  Lock lock(Subject subject, LockRequest request);

  /** Extends the lock held under the request's id; otherwise {@code LOCKED}. */
  Lock refresh(Subject subject, LockRequest request);

  /**
   * Replaces the lock held under {@code currentId} by the request's, in one step (WOPI's
   * UnlockAndRelock): of concurrent calls naming the same current id, exactly one wins; the others
   * get {@code LOCKED} with the winner's id.
   */
  Lock relock(Subject subject, LockRequest request, String currentId);

  /** Releases the lock held under {@code lockId}; otherwise {@code LOCKED}. */
  void unlock(Subject subject, LockTarget target, String lockId);

  /** The lock on the target, if one lasts; needs {@code VIEW}. */
  Optional<Lock> get(Subject subject, LockTarget target);

  /** Removes whatever lock the target has; needs organization {@code ADMIN}, and is audited. */
  void breakLock(Subject subject, LockTarget target);
}
