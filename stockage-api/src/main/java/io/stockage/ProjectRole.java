package io.stockage;

import java.util.EnumSet;
import java.util.Set;

/** A role on a project or an item; each role includes the permissions of the ones below it. */
public enum ProjectRole {
  /** Views and downloads. */
  VIEWER(EnumSet.of(Permission.VIEW)),
  /** Also adds, changes and deletes. */
  EDITOR(EnumSet.of(Permission.VIEW, Permission.ADD, Permission.CHANGE, Permission.DELETE)),
  /** Also shares and manages members. */
  ADMIN(EnumSet.allOf(Permission.class));

  private final Set<Permission> permissions;

  ProjectRole(Set<Permission> permissions) {
    this.permissions = Set.copyOf(permissions);
  }

  /** The permissions this role grants. */
  public Set<Permission> permissions() {
    return permissions;
  }

  /** Whether this role grants the permission. */
  public boolean allows(Permission permission) {
    return permissions.contains(permission);
  }

  /** The higher of the two roles. */
  public ProjectRole max(ProjectRole other) {
    return other.ordinal() > ordinal() ? other : this;
  }
}
