package io.stockage.spi;

import io.stockage.Item;
import io.stockage.ItemId;
import io.stockage.Page;
import io.stockage.PageRequest;
import io.stockage.ProjectId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Files and folders of managed mounts. */
public interface ItemRecords {

  /**
   * Inserts an item.
   *
   * @throws io.stockage.StockageException {@code ALREADY_EXISTS} when a live sibling has its name
   */
  void insert(Item item);

  /** The item with that id, live or trashed. */
  Optional<Item> find(ItemId id);

  /** The item, locked until the transaction ends: concurrent writers queue here. */
  Optional<Item> findForUpdate(ItemId id);

  /** The live child of that name in a folder (empty parent: the project's root). */
  Optional<Item> findChild(ProjectId project, Optional<ItemId> parent, String name);

  /** The live children of a folder, folders first, then by name. */
  Page<Item> children(ProjectId project, Optional<ItemId> parent, PageRequest page);

  /**
   * Writes an item's changed state (parent, name, content fields, revision, times).
   *
   * @throws io.stockage.StockageException {@code ALREADY_EXISTS} when a live sibling has its name
   */
  void update(Item item);

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
