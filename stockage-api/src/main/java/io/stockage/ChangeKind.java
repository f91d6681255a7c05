package io.stockage;

/** What a change of the feed reports ({@link Changes}). */
public enum ChangeKind {
  /** An item was created (uploaded, copied, a folder made), or a project. */
  ADDED,
  /** A file got a new revision (an upload, a restored revision) or lost an old one. */
  UPDATED,
  /** An item got a new name in the same folder. */
  RENAMED,
  /** An item went to another folder. */
  MOVED,
  /** An item went to the trash (with what a folder holds). */
  TRASHED,
  /** An item came back from the trash (with what a folder holds). */
  RESTORED,
  /** An item was deleted for good (with what a folder held); the change carries its id only. */
  PURGED,
  /** An item's tags or custom fields changed. */
  METADATA_CHANGED,
  /** Access to an item or a project changed: a subject that sees it now may see more than before. */
  PERMISSIONS_CHANGED,
  /**
   * The subject can no longer see the item (or the project, when the change names no item): a
   * sync client drops it and what it holds. The change carries ids only.
   */
  ACCESS_LOST,
  /** An item was locked. */
  LOCKED,
  /** An item was unlocked. */
  UNLOCKED
}
