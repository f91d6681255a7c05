package io.stockage.core.internal;

import io.stockage.Access;
import io.stockage.AccessEntry;
import io.stockage.AccessSource;
import io.stockage.Item;
import io.stockage.OrgPermission;
import io.stockage.Permission;
import io.stockage.Project;
import io.stockage.ProjectRole;
import io.stockage.Subject;
import io.stockage.spi.catalog.Membership;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The access rules of DESIGN §4, as one pure function of the facts a decision needs. The
 * permissions on an item are the union of: the subject's organization-wide permissions (not for
 * vault items), its project roles (as a user or through a team), the access entries that apply
 * (for the user or a team, on the item or a folder above it), and ownership (the uploader is
 * admin of the item). Deny by default; nothing crosses organizations.
 */
public final class AccessRules {
  private AccessRules() {}

  /**
   * The subject's access to the item.
   *
   * @param facts the item, its project, and the member rows and access entries that name the
   *     subject or one of its teams
   */
  public static Access decide(Subject subject, Facts facts) {
    Item item = facts.item();
    List<AccessSource> sources = new ArrayList<>();
    if (item.org().equals(subject.org()) && facts.project().org().equals(subject.org())) {
      if (!item.vault()) {
        organization(subject).ifPresent(sources::add);
      }
      for (Membership m : facts.memberships()) {
        sources.add(new AccessSource(AccessSource.Kind.PROJECT, Optional.of(m.principal()), Optional.empty(),
            Optional.of(m.role()), m.role().permissions()));
      }
      for (AccessEntry e : facts.entries()) {
        sources.add(new AccessSource(AccessSource.Kind.ENTRY, Optional.of(e.principal()), Optional.of(e.item()),
            Optional.of(e.role()), e.role().permissions()));
      }
      if (item.owner().equals(subject.user())) {
        sources.add(new AccessSource(AccessSource.Kind.OWNER, Optional.empty(), Optional.empty(),
            Optional.of(ProjectRole.ADMIN), ProjectRole.ADMIN.permissions()));
      }
    }
    Set<Permission> granted = EnumSet.noneOf(Permission.class);
    sources.forEach(s -> granted.addAll(s.permissions()));
    return new Access(item.id(), subject.user(), roleOf(granted), granted, sources);
  }

  /** The permissions organization-wide permissions give on regular items. */
  public static Set<Permission> organizationPermissions(Subject subject) {
    return organization(subject).map(AccessSource::permissions).orElse(Set.of());
  }

  /** The highest role whose permissions are all granted; empty without {@code VIEW}. */
  public static Optional<ProjectRole> roleOf(Set<Permission> granted) {
    Optional<ProjectRole> role = Optional.empty();
    for (ProjectRole candidate : ProjectRole.values()) {
      if (granted.containsAll(candidate.permissions())) {
        role = Optional.of(candidate);
      }
    }
    return role;
  }

  private static Optional<AccessSource> organization(Subject subject) {
    if (subject.has(OrgPermission.ADMIN)) {
      return Optional.of(new AccessSource(AccessSource.Kind.ORGANIZATION, Optional.empty(), Optional.empty(),
          Optional.of(ProjectRole.ADMIN), EnumSet.allOf(Permission.class)));
    }
    Set<Permission> granted = EnumSet.noneOf(Permission.class);
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
    if (granted.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new AccessSource(AccessSource.Kind.ORGANIZATION, Optional.empty(), Optional.empty(),
        roleOf(granted), granted));
  }

  /**
   * What a decision on an item needs.
   *
   * @param item the item
   * @param project its project
   * @param memberships the project's member rows naming the subject or one of its teams
   * @param entries the access entries naming them, on the item or a folder above it
   */
  public record Facts(Item item, Project project, List<Membership> memberships, List<AccessEntry> entries) {
    /** Copies. */
    public Facts {
      memberships = List.copyOf(memberships);
      entries = List.copyOf(entries);
    }
  }
}
