package io.stockage.spi.catalog;

import io.stockage.Lock;
import io.stockage.LockTarget;
import io.stockage.OrgId;
import java.util.Optional;

/** Locks on files ({@link io.stockage.Locks}); expired ones may still be stored until replaced. */
public interface LockRecords {

  /**
   * The lock stored on the target, expired or not; with {@code forUpdate}, locked for the
   * transaction, and a concurrent first lock of the same target waits for it.
   */
  Optional<Lock> find(OrgId org, LockTarget target, boolean forUpdate);

  /** Stores the lock, replacing the target's. */
  void put(OrgId org, Lock lock);

  /** Removes the target's lock. */
  void delete(OrgId org, LockTarget target);
}
