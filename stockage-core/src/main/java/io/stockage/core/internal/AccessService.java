package io.stockage.core.internal;

import io.stockage.Access;
import io.stockage.AccessEntry;
import io.stockage.ErrorKind;
import io.stockage.Item;
import io.stockage.ItemId;
import io.stockage.Page;
import io.stockage.PageRequest;
import io.stockage.Permission;
import io.stockage.Principal;
import io.stockage.ProjectRole;
import io.stockage.StockageException;
import io.stockage.Subject;
import io.stockage.TeamId;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Access entries on items, explanations, cached permission checks and the vault listing. */
public final class AccessService implements io.stockage.AccessControl {
  private final EngineContext ctx;

  /** The service over the engine's context. */
  public AccessService(EngineContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public AccessEntry grant(Subject subject, ItemId id, Principal principal, ProjectRole role) {
    Operation op = Operation.mutation(ctx, "grant", subject, id.toString());
    AccessEntry granted = op.run(() -> ctx.catalog().inTransaction(session -> {
      Lookups.Located located = Lookups.liveItem(op, session, id, Permission.SHARE, true);
      Access own = located.access();
      if (own.role().map(r -> r.compareTo(role) < 0).orElse(true)) {
        throw op.deny(ErrorKind.PERMISSION_DENIED, subject.user() + " may not grant " + role
            + " on item " + id + ": above their own role " + own.role().map(Enum::name).orElse("none"));
      }
      Instant now = ctx.clock().instant();
      // An entry on a folder applies below it: the granter must hold SHARE there too.
      Subtrees.requireBelow(op, session, located, Permission.SHARE);
      AccessEntry entry = new AccessEntry(id, principal, role, subject.user(), now);
      session.acl().grant(entry);
      Journal.access(op, session, located.item(), Optional.empty(), now, Map.of("principal", describe(principal), "role", role.name()));
      return entry;
    }));
    // After the commit: a check running during the transaction could otherwise cache the old decision.
    ctx.accessCache().invalidate();
    return granted;
  }

  @Override
  public void revoke(Subject subject, ItemId id, Principal principal) {
    Operation op = Operation.mutation(ctx, "revoke", subject, id.toString());
    op.run(() -> ctx.catalog().inTransaction(session -> {
      Item item = Lookups.liveItem(op, session, id, Permission.SHARE, true).item();
      boolean removed = session.acl().revoke(id, principal);
      Journal.access(op, session, item, Optional.of(principal), ctx.clock().instant(),
          Map.of("principal", describe(principal), "removed", Boolean.toString(removed)));
      return null;
    }));
    ctx.accessCache().invalidate();
  }

  @Override
  public Page<AccessEntry> entries(Subject subject, ItemId id, PageRequest page) {
    Operation op = Operation.query(ctx, "access", subject, id.toString());
    return op.run(() -> ctx.catalog().read(session -> {
      Lookups.item(op, session, id, Permission.VIEW, false);
      return session.acl().entries(id, page);
    }));
  }

  @Override
  public Access explain(Subject subject, ItemId id, Subject whom) {
    Operation op = Operation.query(ctx, "explain", subject, id.toString());
    boolean self = whom.user().equals(subject.user()) && whom.org().equals(subject.org());
    return op.run(() -> {
      // Asked before the transaction: the directory may use the same connection pool.
      Set<TeamId> teams = self ? op.teams() : Set.copyOf(ctx.directory().teamsOf(whom.org(), whom.user()));
      return ctx.catalog().read(session -> {
        Lookups.Located located = Lookups.item(op, session, id, self ? Permission.VIEW : Permission.SHARE, false);
        if (!whom.org().equals(subject.org())) {
          throw StockageException.of(ErrorKind.NOT_FOUND, "no user " + whom.user() + " in organization " + subject.org());
        }
        return Authorizer.access(whom, teams, located.item(), located.project(), session);
      });
    });
  }

  @Override
  public Set<Permission> permissions(Subject subject, ItemId id) {
    return ctx.accessCache().get(subject, id, () -> decide(subject, id));
  }

  /** See {@link io.stockage.Files#vaultFiles}. */
  public Page<Item> vaultFiles(Subject subject, PageRequest page) {
    Operation op = Operation.query(ctx, "vault-files", subject, "vault");
    return op.run(() -> ctx.catalog().read(
        session -> session.items().vaultFiles(subject.org(), subject.user(), op.teams(), page)));
  }

  private Set<Permission> decide(Subject subject, ItemId id) {
    Operation op = Operation.query(ctx, "permissions", subject, id.toString());
    return op.run(() -> ctx.catalog().read(session -> {
      Optional<Item> item = session.items().find(id);
      Optional<io.stockage.Project> project = item.flatMap(i -> session.projects().find(i.project()));
      if (item.isEmpty() || project.isEmpty() || !item.get().org().equals(subject.org())) {
        return Set.<Permission>of();
      }
      Access access = Authorizer.access(subject, op.teams(), item.get(), project.get(), session);
      return access.allows(Permission.VIEW) ? access.permissions() : Set.<Permission>of();
    }));
  }

  private static String describe(Principal principal) {
    return principal.kind().name().toLowerCase(java.util.Locale.ROOT) + ":" + principal.value();
  }
}
