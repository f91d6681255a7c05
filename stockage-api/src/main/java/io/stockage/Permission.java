package io.stockage;

/** What a subject may do to a project or an item. */
public enum Permission {
  /** See metadata, download, list, search and receive events. */
  VIEW,
  /** Add items to a project or folder. */
  ADD,
  /** Write new revisions, rename, move, tag, restore, lock. */
  CHANGE,
  /** Move to the trash and purge. */
  DELETE,
  /** Manage members, access entries and share links. */
  SHARE
}
