package io.stockage;

/** Whether an item holds content or other items. */
public enum ItemType {
  /** Holds content, in revisions. */
  FILE,
  /** Holds other items. */
  FOLDER
}
