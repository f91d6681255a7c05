package io.stockage.spi.catalog;

/** What a change-feed row reports. */
public enum ChangeKind {
  /** An item was created. */
  ADDED,
  /** A file got a new revision, or an item's metadata changed. */
  UPDATED,
  /** An item was renamed or moved. */
  MOVED,
  /** An item went to the trash or was purged. */
  REMOVED,
  /** An item came back from the trash. */
  RESTORED,
  /** Access to an item or project changed. */
  PERMISSIONS_CHANGED,
  /** An item was locked. */
  LOCKED,
  /** An item was unlocked. */
  UNLOCKED
}
