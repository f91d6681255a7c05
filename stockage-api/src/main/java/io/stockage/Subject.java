package io.stockage;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Who acts: a user of an organization with the organization-wide permissions the host's RBAC
 * grants. Stockage authorizes, it does not authenticate: the host builds the subject from its
 * own authenticated principal, never from request parameters.
 *
 * <p>Teams are not carried here: they come from the {@link io.stockage.spi.catalog.Directory} when a
 * decision needs them, so a subject never holds a stale team list.
 *
 * @param org the organization the user acts in
 * @param user the user
 * @param permissions organization-wide permissions (empty for most users)
 */
public record Subject(OrgId org, UserId user, Set<OrgPermission> permissions) {
  /** Validates and copies. */
  public Subject {
    Objects.requireNonNull(org, "org");
    Objects.requireNonNull(user, "user");
    permissions = Set.copyOf(permissions);
  }

  /** A subject with the given organization-wide permissions. */
  public static Subject of(String org, String user, OrgPermission... permissions) {
    Set<OrgPermission> set = EnumSet.noneOf(OrgPermission.class);
    set.addAll(Set.of(permissions));
    return new Subject(OrgId.of(org), UserId.of(user), set);
  }

  /** Whether the host granted this organization-wide permission (or {@code ADMIN}). */
  public boolean has(OrgPermission permission) {
    return permissions.contains(permission) || permissions.contains(OrgPermission.ADMIN);
  }
}
