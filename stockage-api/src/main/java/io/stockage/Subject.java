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
 * @param lockIds the lock ids this request presents ({@link Locks}): a write to a locked file or
 *     live-mount path goes through only with its lock's id, whoever holds the lock (an online
 *     editor's session sends it with each save, as WOPI's {@code X-WOPI-Lock})
 */
public record Subject(OrgId org, UserId user, Set<OrgPermission> permissions, Set<String> lockIds) {
  /** Validates and copies. */
  public Subject {
    Objects.requireNonNull(org, "org");
    Objects.requireNonNull(user, "user");
    permissions = Set.copyOf(permissions);
    lockIds = Set.copyOf(lockIds);
  }

  /** A subject presenting no lock id. */
  public Subject(OrgId org, UserId user, Set<OrgPermission> permissions) {
    this(org, user, permissions, Set.of());
  }

  /** This subject, presenting {@code lockId} too. */
  public Subject holding(String lockId) {
    Set<String> ids = new java.util.HashSet<>(lockIds);
    ids.add(Objects.requireNonNull(lockId, "lockId"));
    return new Subject(org, user, permissions, ids);
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
