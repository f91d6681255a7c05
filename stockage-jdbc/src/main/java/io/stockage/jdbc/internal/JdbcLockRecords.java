package io.stockage.jdbc.internal;

import io.stockage.ItemId;
import io.stockage.Lock;
import io.stockage.LockTarget;
import io.stockage.OrgId;
import io.stockage.UserId;
import io.stockage.spi.catalog.LockRecords;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * {@code locks}. A read for update first takes a transaction-scoped advisory lock on the target, so
 * that two first locks of the same file wait for each other instead of both finding none.
 */
public final class JdbcLockRecords implements LockRecords {
  private static final String WHERE = " WHERE org_id = :org AND item_id IS NOT DISTINCT FROM CAST(:item AS uuid)"
      + " AND mount IS NOT DISTINCT FROM CAST(:mount AS text) AND path IS NOT DISTINCT FROM CAST(:path AS text)";

  private final Handle handle;

  /** Records on the transaction's handle. */
  public JdbcLockRecords(Handle handle) {
    this.handle = Objects.requireNonNull(handle, "handle");
  }

  @Override
  public Optional<Lock> find(OrgId org, LockTarget target, boolean forUpdate) {
    if (forUpdate) {
      handle.createQuery("SELECT 1 FROM pg_advisory_xact_lock(hashtextextended(:key, 7))")
          .bind("key", "stockage-lock:" + org.value() + ":" + target)
          .mapTo(Integer.class)
          .one();
    }
    return handle.createQuery("SELECT lock_id, owner_id, locked_at, expires_at FROM locks" + WHERE
            + (forUpdate ? " FOR UPDATE" : ""))
        .bind("org", org.value())
        .bind("item", target.item().map(ItemId::value).orElse(null))
        .bind("mount", target.mount().orElse(null))
        .bind("path", target.path().orElse(null))
        .map((rows, ctx) -> new Lock(target, rows.getString("lock_id"), UserId.of(rows.getString("owner_id")),
            Rows.instant(rows, "locked_at"), Rows.instant(rows, "expires_at")))
        .findOne();
  }

  @Override
  public void put(OrgId org, Lock lock) {
    delete(org, lock.target());
    LockTarget target = lock.target();
    handle.createUpdate("INSERT INTO locks (org_id, item_id, mount, path, lock_id, owner_id, locked_at, expires_at)"
            + " VALUES (:org, :item, :mount, :path, :id, :owner, :locked, :expires)")
        .bind("org", org.value())
        .bind("item", target.item().map(ItemId::value).orElse(null))
        .bind("mount", target.mount().orElse(null))
        .bind("path", target.path().orElse(null))
        .bind("id", lock.id())
        .bind("owner", lock.owner().value())
        .bind("locked", Rows.at(lock.lockedAt()))
        .bind("expires", Rows.at(lock.expiresAt()))
        .execute();
  }

  @Override
  public void delete(OrgId org, LockTarget target) {
    handle.createUpdate("DELETE FROM locks" + WHERE)
        .bind("org", org.value())
        .bind("item", target.item().map(ItemId::value).orElse(null))
        .bind("mount", target.mount().orElse(null))
        .bind("path", target.path().orElse(null))
        .execute();
  }
}
