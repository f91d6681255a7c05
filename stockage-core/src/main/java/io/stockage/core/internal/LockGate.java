package io.stockage.core.internal;

import io.stockage.ItemId;
import io.stockage.Lock;
import io.stockage.LockTarget;
import io.stockage.StockageException;
import io.stockage.spi.catalog.CatalogSession;
import java.util.Optional;

/**
 * The check every change to a file's content, name or place makes: a file locked under an id the
 * subject does not present is {@code LOCKED}, with that id.
 */
public final class LockGate {
  private LockGate() {}

  /** The lock on the target that lasts now, if any. */
  static Optional<Lock> current(EngineContext ctx, CatalogSession session, Operation op, LockTarget target,
      boolean forUpdate) {
    return session.locks().find(op.subject().org(), target, forUpdate)
        .filter(l -> l.expiresAt().isAfter(ctx.clock().instant()));
  }

  /** Refuses the operation on a file locked under an id the subject does not present. */
  public static void require(EngineContext ctx, CatalogSession session, Operation op, ItemId item) {
    require(ctx, session, op, LockTarget.item(item));
  }

  /** Refuses the operation on a target locked under an id the subject does not present. */
  public static void require(EngineContext ctx, CatalogSession session, Operation op, LockTarget target) {
    Optional<Lock> lock = current(ctx, session, op, target, false);
    if (lock.isPresent() && !op.subject().lockIds().contains(lock.get().id())) {
      throw StockageException.locked(lock.get().id(), target + " is locked by " + lock.get().owner()
          + " until " + lock.get().expiresAt());
    }
  }
}
