package io.stockage.spi.catalog;

import io.stockage.Item;
import io.stockage.ItemId;
import io.stockage.OrgId;
import io.stockage.Page;
import io.stockage.PageRequest;
import io.stockage.ProjectId;
import io.stockage.TeamId;
import io.stockage.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Files and folders of managed mounts, with their metadata: an item's tags and custom field values
 * are written by {@link #insert} and {@link #update} and come back with it from every lookup and
 * listing. Tags are stored as given (the engine normalizes them) and belong to the item's
 * organization; custom field values are {@code String}, {@code Boolean} or numbers, and a number
 * comes back as {@code Long} when it is integral and fits, else as {@code Double}.
 */
public interface ItemRecords {

  /**
   * Inserts an item with its tags and custom fields (the engine inserts a file with its first
   * revision: {@link #insert(Item, RevisionRecord)}).
   *
   * @throws io.stockage.StockageException {@code ALREADY_EXISTS} when a live sibling has its name,
   *     {@code INVALID_ARGUMENT} when a custom field value is not a string, boolean or finite number
   */
  void insert(Item item);

  /**
   * Inserts a file with its tags, custom fields and first revision ({@link RevisionRecords#insert}),
   * in one write where the catalog can make it one (every upload of a new file does this).
   *
   * @throws io.stockage.StockageException {@code ALREADY_EXISTS} when a live sibling has its name
   *     (nothing is inserted), {@code INVALID_ARGUMENT} as {@link #insert(Item)}, {@code UNEXPECTED}
   *     when the revision's blob does not hold the key it names
   */
  void insert(Item file, RevisionRecord first);

  /** The item with that id, live or trashed. */
  Optional<Item> find(ItemId id);

  /** The item, locked until the transaction ends: concurrent writers queue here. */
  Optional<Item> findForUpdate(ItemId id);

  /**
   * The item (live or trashed; locked as {@link #findForUpdate} locks it when {@code lock}) with
   * its project, the user's member rows in the project and the access entries that apply to the
   * item for the user or the teams — what an access decision reads, in one read.
   */
  Optional<ItemStanding> findWithAccess(ItemId id, UserId user, Set<TeamId> teams, boolean lock);

  /** The live child of that name in a folder (empty parent: the project's root). */
  Optional<Item> findChild(ProjectId project, Optional<ItemId> parent, String name);

  /**
   * The live children of a folder the subject may see, folders first, then in the order: filtered
   * in the query, so that no page repeats or skips a visible item.
   */
  Page<Item> children(ProjectId project, Optional<ItemId> parent, Visibility visibility, io.stockage.ListOrder order,
      PageRequest page);

  /**
   * The project's trash: the items moved there, each with what went with it (their subtrees are
   * not listed), the most recently trashed first.
   */
  Page<Item> trashed(ProjectId project, PageRequest page);

  /**
   * The organization's live vault files the user may see: owned, in a project where the user or
   * one of the teams is a member, or with an access entry for them on the file or a folder above
   * it; newest first.
   */
  Page<Item> vaultFiles(OrgId org, UserId user, Set<TeamId> teams, PageRequest page);

  /**
   * Writes an item's changed state (parent, name, content fields, revision, update time), and
   * replaces its tags and custom fields with the item's.
   *
   * @throws io.stockage.StockageException {@code ALREADY_EXISTS} when a live sibling has its name,
   *     {@code INVALID_ARGUMENT} when a custom field value is not a string, boolean or finite number
   */
  void update(Item item);

  /**
   * Every item below the root (not the root itself), live or trashed, parents before their
   * children: what a decision on a whole subtree needs.
   */
  List<Item> descendants(ItemId root);

  /** Whether the project holds a vault item, live or trashed. */
  boolean holdsVault(ProjectId project);

  /**
   * The organization's vault items (live or trashed) a team reaches: those of the projects where
   * it holds a role, and those with an access entry for it on the item or a folder above it.
   */
  List<Item> vaultReachedBy(OrgId org, TeamId team);

  /** Whether {@code folder} is {@code item} or lies below it. */
  boolean isSelfOrDescendant(ItemId folder, ItemId item);

  /** Moves the item and its live descendants to the trash, marked as trashed with it. */
  int trash(ItemId root, Instant at);

  /** Brings back the item and everything trashed with it. */
  int untrash(ItemId root, Instant at);

  /**
   * Deletes the item and all its descendants with their revisions.
   *
   * @return the blob ids their revisions referenced, once per revision
   */
  List<Long> purge(ItemId root);
}
