package io.stockage.spi;

import io.stockage.ItemId;
import io.stockage.ProjectRole;
import io.stockage.TeamId;
import io.stockage.UserId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Per-item access entries (granular permissions). The engine computes the effective role as the
 * maximum over organization permissions, project role, ownership and these entries; this store
 * answers for the entries, including those inherited from ancestor folders.
 */
public interface AclStore {

  /** The entries set directly on the item. */
  List<AccessEntry> entries(ItemId item);

  /** Adds an entry or changes its role. */
  void grant(AccessEntry entry);

  /** Removes the principal's entry on the item; returns whether there was one. */
  boolean revoke(ItemId item, Principal principal);

  /**
   * The highest role the entries on the item or its ancestors give the user, directly or through
   * one of the teams.
   */
  Optional<ProjectRole> inheritedRole(ItemId item, UserId user, Set<TeamId> teams);
}
