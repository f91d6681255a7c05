package io.stockage.core.internal;

import io.stockage.Access;
import io.stockage.ErrorKind;
import io.stockage.Item;
import io.stockage.OrgPermission;
import io.stockage.Permission;
import io.stockage.Project;
import io.stockage.StockageException;
import io.stockage.Subject;
import io.stockage.TeamId;
import io.stockage.UserId;
import io.stockage.spi.catalog.CatalogSession;
import io.stockage.spi.catalog.ManagedDirectory;
import java.util.Map;
import java.util.Set;

/**
 * Team members, changed on a subject's behalf in a {@link ManagedDirectory}. Organization admins
 * manage teams, but their organization permissions do not reach vault items: a new member of a
 * team that reaches vault items gains access to them, so the admin must hold {@code SHARE} on each
 * of them by other means (a project role, an entry, ownership).
 */
public final class TeamService implements io.stockage.Teams {
  private final EngineContext ctx;

  /** A service over the engine's context. */
  public TeamService(EngineContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public boolean addMember(Subject subject, TeamId team, UserId user) {
    Operation op = Operation.mutation(ctx, "add-team-member", subject, "team:" + team.value());
    boolean added = op.run(() -> {
      Authorizer.requireOrg(op, OrgPermission.ADMIN);
      ManagedDirectory directory = managed();
      // The actor's teams as they were when the operation began: its access before the change.
      Set<TeamId> before = op.teams();
      requireVaultShare(op, team, before);
      boolean changed = directory.addMember(subject.org(), team, user);
      if (changed) {
        try {
          // Checked again once written: an entry for the team granted meanwhile is seen here.
          requireVaultShare(op, team, before);
        } catch (StockageException e) {
          directory.removeMember(subject.org(), team, user);
          throw e;
        }
      }
      audit(op, Map.of("user", user.value(), "added", Boolean.toString(changed)));
      return changed;
    });
    ctx.accessCache().invalidate();
    return added;
  }

  @Override
  public boolean removeMember(Subject subject, TeamId team, UserId user) {
    Operation op = Operation.mutation(ctx, "remove-team-member", subject, "team:" + team.value());
    boolean removed = op.run(() -> {
      Authorizer.requireOrg(op, OrgPermission.ADMIN);
      boolean changed = managed().removeMember(subject.org(), team, user);
      audit(op, Map.of("user", user.value(), "removed", Boolean.toString(changed)));
      return changed;
    });
    ctx.accessCache().invalidate();
    return removed;
  }

  private void requireVaultShare(Operation op, TeamId team, Set<TeamId> teams) {
    int refused = ctx.catalog().read(session -> {
      int count = 0;
      for (Item item : session.items().vaultReachedBy(op.subject().org(), team)) {
        if (!shares(op.subject(), teams, item, session)) {
          count++;
        }
      }
      return count;
    });
    if (refused > 0) {
      throw op.deny(ErrorKind.PERMISSION_DENIED, op.subject().user() + " may not change the members of team "
          + team.value() + ": it reaches " + refused + " vault item(s) on which " + op.subject().user()
          + " holds no SHARE (organization permissions do not count for vault items)");
    }
  }

  private static boolean shares(Subject subject, Set<TeamId> teams, Item item, CatalogSession session) {
    Project project = session.projects().find(item.project()).orElseThrow();
    Access access = Authorizer.access(subject, teams, item, project, session);
    return access.allows(Permission.SHARE);
  }

  private void audit(Operation op, Map<String, String> details) {
    ctx.catalog().inTransaction(session -> {
      session.audit().append(op.allowed(details));
      return null;
    });
  }

  private ManagedDirectory managed() {
    if (ctx.directory() instanceof ManagedDirectory managed) {
      return managed;
    }
    throw StockageException.of(ErrorKind.UNSUPPORTED, "the directory's teams are managed by the host, not here");
  }
}
