package io.stockage.spi.catalog;

import io.stockage.AccessEntry;
import io.stockage.ItemId;
import io.stockage.Principal;
import io.stockage.TeamId;
import io.stockage.UserId;
import java.util.List;
import java.util.Set;

/**
 * Per-item access entries of managed mounts, in the catalog transaction. An entry on a folder
 * applies to everything below it; entries only add access, they never remove any.
 */
public interface AclStore {
  /**
   * A page of the entries set directly on the item: users then teams, each by id (byte order);
   * cursors as {@link PageCursor} writes them.
   */
  io.stockage.Page<AccessEntry> entries(ItemId item, io.stockage.PageRequest page);

  /** Adds an entry or changes its role (keeping who first granted it is not required). */
  void grant(AccessEntry entry);

  /** Removes the principal's entry on the item; returns whether there was one. */
  boolean revoke(ItemId item, Principal principal);

  /**
   * The entries that apply to the user on the item: those naming the user or one of the teams,
   * set on the item itself or on any folder above it.
   */
  List<AccessEntry> applicable(ItemId item, UserId user, Set<TeamId> teams);

  /** Every entry on the item and on the folders above it, whomever it names. */
  List<AccessEntry> onPath(ItemId item);

  /**
   * The entries naming the user or one of the teams on the items below the root (not on the
   * root itself, nor above it), live or trashed.
   */
  List<AccessEntry> below(ItemId root, UserId user, Set<TeamId> teams);
}
