package io.stockage.core.internal;

import io.stockage.Access;
import io.stockage.AccessEntry;
import io.stockage.ErrorKind;
import io.stockage.Item;
import io.stockage.OrgPermission;
import io.stockage.Permission;
import io.stockage.Project;
import io.stockage.StockageException;
import io.stockage.Subject;
import io.stockage.TeamId;
import io.stockage.spi.catalog.CatalogSession;
import io.stockage.spi.catalog.ItemStanding;
import io.stockage.spi.catalog.Membership;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Decides what a subject may do, by the rules of {@link AccessRules}. Whatever belongs to another
 * organization, or cannot be viewed, is {@code NOT_FOUND}.
 */
public final class Authorizer {
  private Authorizer() {}

  /**
   * The subject's permissions on the project (its project roles and organization permissions), and
   * whether it is a member (as a user or through a team): a member sees every item of the project.
   */
  public static OnProject onProject(Operation op, Project project, CatalogSession session) {
    if (!project.org().equals(op.subject().org())) {
      return new OnProject(EnumSet.noneOf(Permission.class), false);
    }
    return onProject(op, project, session.projects().memberships(project.id(), op.subject().user(), op.teams()));
  }

  /** The same from the subject's member rows in the project, read with it. */
  public static OnProject onProject(Operation op, Project project, List<Membership> memberships) {
    Subject subject = op.subject();
    Set<Permission> granted = EnumSet.noneOf(Permission.class);
    if (!project.org().equals(subject.org())) {
      return new OnProject(granted, false);
    }
    memberships.forEach(m -> granted.addAll(m.role().permissions()));
    granted.addAll(AccessRules.organizationPermissions(subject));
    return new OnProject(granted, !memberships.isEmpty());
  }

  /** The subject's access to an item of the project, with its sources; the teams are the subject's. */
  public static Access access(Subject subject, Set<TeamId> teams, Item item, Project project,
      CatalogSession session) {
    if (!item.org().equals(subject.org()) || !project.org().equals(subject.org())) {
      return AccessRules.decide(subject, new AccessRules.Facts(item, project, List.of(), List.of()));
    }
    List<Membership> memberships = session.projects().memberships(project.id(), subject.user(), teams);
    List<AccessEntry> entries = session.acl().applicable(item.id(), subject.user(), teams);
    return AccessRules.decide(subject, new AccessRules.Facts(item, project, memberships, entries));
  }

  /** The same from an item read with its project, the subject's member rows and the entries that apply. */
  public static Access access(Subject subject, ItemStanding found) {
    Item item = found.item();
    Project project = found.project();
    if (!item.org().equals(subject.org()) || !project.org().equals(subject.org())) {
      return AccessRules.decide(subject, new AccessRules.Facts(item, project, List.of(), List.of()));
    }
    return AccessRules.decide(subject, new AccessRules.Facts(item, project, found.memberships(), found.entries()));
  }

  /**
   * Fails unless the permission is granted: {@code NOT_FOUND} when the subject cannot even view
   * the target, {@code PERMISSION_DENIED} when it can. Both are audited as denials.
   */
  public static void require(Operation op, Set<Permission> granted, Permission needed, String target) {
    if (!granted.contains(Permission.VIEW)) {
      throw op.deny(ErrorKind.NOT_FOUND, "no " + target);
    }
    if (!granted.contains(needed)) {
      throw op.deny(ErrorKind.PERMISSION_DENIED, op.subject().user() + " may not " + op.name() + " " + target
          + " (needs " + needed + ")");
    }
  }

  /** Fails with {@code PERMISSION_DENIED} unless the host granted the organization permission. */
  public static void requireOrg(Operation op, OrgPermission needed) {
    if (!op.subject().has(needed)) {
      throw op.deny(ErrorKind.PERMISSION_DENIED, op.subject().user() + " may not " + op.name()
          + " (needs organization permission " + needed + ")");
    }
  }

  /**
   * A subject's permissions on a project.
   *
   * @param permissions what it may do
   * @param member whether a member row (its own or a team's) gives it a role
   */
  public record OnProject(Set<Permission> permissions, boolean member) {}

  /** For messages: {@code NOT_FOUND} for a missing target, never audited as a denial. */
  static StockageException missing(String target) {
    return StockageException.notFound("no " + target);
  }
}
