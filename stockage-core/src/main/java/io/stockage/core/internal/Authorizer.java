package io.stockage.core.internal;

import io.stockage.ErrorKind;
import io.stockage.Item;
import io.stockage.OrgPermission;
import io.stockage.Permission;
import io.stockage.Project;
import io.stockage.ProjectRole;
import io.stockage.StockageException;
import io.stockage.Subject;
import io.stockage.spi.CatalogSession;
import java.util.EnumSet;
import java.util.Set;

/**
 * Decides what a subject may do. Deny by default; the permissions on an item are the union of
 * the project role (as a user or through a team), the organization-wide permissions the host
 * granted (not for vault items), and ownership (the uploader is {@link ProjectRole#ADMIN} of the
 * item). Whatever belongs to another organization, or cannot be viewed, is {@code NOT_FOUND}.
 */
public final class Authorizer {
  private Authorizer() {}

  /** The subject's permissions on the project. */
  public static Set<Permission> onProject(Operation op, Project project, CatalogSession session) {
    Subject subject = op.subject();
    Set<Permission> granted = EnumSet.noneOf(Permission.class);
    if (!project.org().equals(subject.org())) {
      return granted;
    }
    session.projects().role(project.id(), subject.user(), op.teams())
        .ifPresent(role -> granted.addAll(role.permissions()));
    addOrgPermissions(subject, granted);
    return granted;
  }

  /** The subject's permissions on an item of the project. */
  public static Set<Permission> onItem(Operation op, Item item, Project project, CatalogSession session) {
    Subject subject = op.subject();
    Set<Permission> granted = EnumSet.noneOf(Permission.class);
    if (!item.org().equals(subject.org()) || !project.org().equals(subject.org())) {
      return granted;
    }
    session.projects().role(project.id(), subject.user(), op.teams())
        .ifPresent(role -> granted.addAll(role.permissions()));
    if (!item.vault()) {
      addOrgPermissions(subject, granted);
    }
    if (item.owner().equals(subject.user())) {
      granted.addAll(ProjectRole.ADMIN.permissions());
    }
    return granted;
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

  private static void addOrgPermissions(Subject subject, Set<Permission> granted) {
    if (subject.has(OrgPermission.ADMIN)) {
      granted.addAll(EnumSet.allOf(Permission.class));
      return;
    }
    if (subject.has(OrgPermission.VIEW)) {
      granted.add(Permission.VIEW);
    }
    if (subject.has(OrgPermission.ADD)) {
      granted.add(Permission.ADD);
    }
    if (subject.has(OrgPermission.CHANGE)) {
      granted.add(Permission.CHANGE);
    }
    if (subject.has(OrgPermission.DELETE)) {
      granted.add(Permission.DELETE);
    }
  }

  /** For messages: {@code NOT_FOUND} for a missing target, never audited as a denial. */
  static StockageException missing(String target) {
    return StockageException.notFound("no " + target);
  }
}
