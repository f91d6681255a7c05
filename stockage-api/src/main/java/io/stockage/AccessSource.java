package io.stockage;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One reason a subject holds permissions on an item, as {@link Stockage#explain} reports it.
 *
 * @param kind where the permissions come from
 * @param principal the member row's or access entry's user or team (empty for the organization
 *     and for ownership)
 * @param on the item an access entry is set on: the item itself, or a folder above it
 * @param role the role this source gives (empty for organization permissions short of admin)
 * @param permissions the permissions it gives
 */
public record AccessSource(
    Kind kind, Optional<Principal> principal, Optional<ItemId> on, Optional<ProjectRole> role,
    Set<Permission> permissions) {

  /** Where permissions come from. */
  public enum Kind {
    /** Organization-wide permissions of the subject (never for vault items). */
    ORGANIZATION,
    /** A project member row: the user's own or one of their teams'. */
    PROJECT,
    /** An access entry on the item or, inherited, on a folder above it. */
    ENTRY,
    /** The subject uploaded the item: its owner is admin of it. */
    OWNER
  }

  /** Validates and copies. */
  public AccessSource {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(principal, "principal");
    Objects.requireNonNull(on, "on");
    Objects.requireNonNull(role, "role");
    permissions = permissions.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(permissions));
  }
}
