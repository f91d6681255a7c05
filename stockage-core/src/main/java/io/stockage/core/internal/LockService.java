package io.stockage.core.internal;

import io.stockage.ChangeKind;
import io.stockage.Item;
import io.stockage.Lock;
import io.stockage.LockRequest;
import io.stockage.LockTarget;
import io.stockage.Locks;
import io.stockage.MountRole;
import io.stockage.OrgPermission;
import io.stockage.Permission;
import io.stockage.StockageException;
import io.stockage.Subject;
import io.stockage.spi.catalog.CatalogSession;
import io.stockage.spi.catalog.ChangeRecord;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * {@link Locks} on the catalog: every call reads the target's lock for update (which also makes a
 * first lock of a target wait for a concurrent one), decides against it, and writes the new state
 * in the same transaction, so a relock is one compare-and-set across nodes.
 */
public final class LockService implements Locks {
  private final EngineContext ctx;

  /** Locks over the engine's context. */
  public LockService(EngineContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Lock lock(Subject subject, LockRequest request) {
    LockRequest r = normalized(request);
    return change(subject, "lock", r.target(), (op, session, held, file) -> {
      if (held.isPresent() && !held.get().id().equals(r.lockId())) {
        throw mismatch(held, r.target());
      }
      Instant now = ctx.clock().instant();
      Lock lock = new Lock(r.target(), r.lockId(), held.map(Lock::owner).orElse(subject.user()),
          held.map(Lock::lockedAt).orElse(now), now.plus(r.ttl()));
      session.locks().put(subject.org(), lock);
      record(op, session, file, held.isEmpty() ? ChangeKind.LOCKED : null, r.target(), now,
          Map.of("lock", held.isEmpty() ? "taken" : "refreshed", "until", lock.expiresAt().toString()));
      return lock;
    });
  }

  @Override
  public Lock refresh(Subject subject, LockRequest request) {
    LockRequest r = normalized(request);
    return change(subject, "refresh-lock", r.target(), (op, session, held, file) -> {
      if (held.isEmpty() || !held.get().id().equals(r.lockId())) {
        throw mismatch(held, r.target());
      }
      Instant now = ctx.clock().instant();
      Lock lock = new Lock(r.target(), r.lockId(), held.get().owner(), held.get().lockedAt(), now.plus(r.ttl()));
      session.locks().put(subject.org(), lock);
      record(op, session, file, null, r.target(), now, Map.of("lock", "refreshed",
          "until", lock.expiresAt().toString()));
      return lock;
    });
  }

  @Override
  public Lock relock(Subject subject, LockRequest request, String currentId) {
    LockRequest r = normalized(request);
    return change(subject, "relock", r.target(), (op, session, held, file) -> {
      if (held.isEmpty() || !held.get().id().equals(currentId)) {
        throw mismatch(held, r.target());
      }
      Instant now = ctx.clock().instant();
      Lock lock = new Lock(r.target(), r.lockId(), subject.user(), now, now.plus(r.ttl()));
      session.locks().put(subject.org(), lock);
      record(op, session, file, ChangeKind.LOCKED, r.target(), now, Map.of("lock", "relocked",
          "until", lock.expiresAt().toString()));
      return lock;
    });
  }

  @Override
  public void unlock(Subject subject, LockTarget raw, String lockId) {
    LockTarget target = normalized(raw);
    change(subject, "unlock", target, (op, session, held, file) -> {
      if (held.isEmpty() || !held.get().id().equals(lockId)) {
        throw mismatch(held, target);
      }
      session.locks().delete(subject.org(), target);
      record(op, session, file, ChangeKind.UNLOCKED, target, ctx.clock().instant(), Map.of("lock", "released"));
      return null;
    });
  }

  @Override
  public Optional<Lock> get(Subject subject, LockTarget raw) {
    LockTarget target = normalized(raw);
    Operation op = Operation.query(ctx, "get-lock", subject, target.toString());
    return op.run(() -> ctx.catalog().read(session -> {
      authorize(op, session, target, false);
      return LockGate.current(ctx, session, op, target, false);
    }));
  }

  @Override
  public void breakLock(Subject subject, LockTarget raw) {
    LockTarget target = normalized(raw);
    Operation op = Operation.mutation(ctx, "break-lock", subject, target.toString());
    op.run(() -> ctx.catalog().inTransaction(session -> {
      Authorizer.requireOrg(op, OrgPermission.ADMIN);
      Optional<Item> file = authorize(op, session, target, false);
      Optional<Lock> held = LockGate.current(ctx, session, op, target, true);
      session.locks().delete(subject.org(), target);
      record(op, session, file, held.isPresent() ? ChangeKind.UNLOCKED : null, target, ctx.clock().instant(),
          Map.of("lock", "broken", "was", held.map(Lock::id).orElse("")));
      return null;
    }));
  }

  /** A live mount's path in the one form the catalog keys locks by (and the live view checks them by). */
  static LockTarget normalized(LockTarget target) {
    if (target.item().isPresent()) {
      return target;
    }
    LivePaths.requireClean(target.path().get());
    return LockTarget.entry(target.mount().get(), LivePaths.normalize(target.path().get()));
  }

  private static LockRequest normalized(LockRequest request) {
    return new LockRequest(normalized(request.target()), request.lockId(), request.ttl());
  }

  private interface Step<T> {
    T apply(Operation op, CatalogSession session, Optional<Lock> held, Optional<Item> file);
  }

  private <T> T change(Subject subject, String name, LockTarget target, Step<T> step) {
    Operation op = Operation.mutation(ctx, name, subject, target.toString());
    return op.run(() -> ctx.catalog().inTransaction(session -> {
      Optional<Item> file = authorize(op, session, target, true);
      return step.apply(op, session, LockGate.current(ctx, session, op, target, true), file);
    }));
  }

  // CHANGE on the file (EDITOR on a live mount) to change a lock, VIEW (VIEWER) to read it; the file when managed.
  private Optional<Item> authorize(Operation op, CatalogSession session, LockTarget target, boolean change) {
    if (target.item().isPresent()) {
      return Optional.of(Lookups.liveFile(op, session, target.item().get(), change ? Permission.CHANGE
          : Permission.VIEW, false).item());
    }
    LiveAccess.require(op, session, ctx, target.mount().get(), change ? MountRole.EDITOR : MountRole.VIEWER);
    return Optional.empty();
  }

  // A change of the lock (kind null: a refresh) goes to the change feed; every one is audited.
  private static void record(Operation op, CatalogSession session, Optional<Item> file, ChangeKind kind,
      LockTarget target, Instant now, Map<String, String> details) {
    if (kind != null && file.isPresent()) {
      Journal.item(op, session, file.get(), kind, now, details);
      return;
    }
    if (kind != null) {
      String path = target.path().get();
      session.changes().append(ChangeRecord.external(op.subject().org(), target.mount().get(), path,
          LivePaths.name(path), kind, now));
    }
    session.audit().append(op.allowed(details));
  }

  private static StockageException mismatch(Optional<Lock> held, LockTarget target) {
    return StockageException.locked(held.map(Lock::id).orElse(""), held.isPresent()
        ? target + " is locked under another id" : target + " is not locked");
  }
}
