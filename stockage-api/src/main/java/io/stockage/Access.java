package io.stockage;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A subject's effective access to an item and every source that grants it: the permissions are
 * the union over the sources, and the role is the highest role whose permissions they all cover.
 *
 * @param item the item
 * @param user whose access it is
 * @param role the effective role, empty when not even {@link ProjectRole#VIEWER}
 * @param permissions the effective permissions
 * @param sources what grants them, in the order organization, project, entries, ownership
 */
public record Access(ItemId item, UserId user, Optional<ProjectRole> role, Set<Permission> permissions,
    List<AccessSource> sources) {
  /** Validates and copies. */
  public Access {
    Objects.requireNonNull(item, "item");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(role, "role");
    // In declaration order, whatever set the caller passed.
    permissions = permissions.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(permissions));
    sources = List.copyOf(sources);
  }

  /** Whether the access allows the permission. */
  public boolean allows(Permission permission) {
    return permissions.contains(permission);
  }
}
