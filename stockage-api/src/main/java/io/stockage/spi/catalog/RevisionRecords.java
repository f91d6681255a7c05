package io.stockage.spi.catalog;

import io.stockage.ItemId;
import io.stockage.Page;
import io.stockage.PageRequest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Revisions of files. */
public interface RevisionRecords {

  /** Inserts a revision. */
  void insert(RevisionRecord revision);

  /** Records what extraction found in a revision (replacing what was recorded). */
  void describe(io.stockage.ItemId item, int number, java.util.Map<String, String> properties);

  /** Stores a revision's thumbnail (a PNG), replacing one stored; nothing when the revision is gone. */
  void thumbnail(ItemId item, int number, byte[] png);

  /** A revision's thumbnail, once the indexing worker made one. */
  Optional<byte[]> thumbnail(ItemId item, int number);

  /** Revision {@code number} of the file. */
  Optional<RevisionRecord> find(ItemId item, int number);

  /** The file's revisions, newest first. */
  Page<RevisionRecord> list(ItemId item, PageRequest page);

  /** Sets or clears a revision's comment; returns whether the revision exists. */
  boolean comment(ItemId item, int number, Optional<String> comment);

  /** Deletes a revision's row; returns the blob it referenced, to release. */
  Optional<Long> delete(ItemId item, int number);

  /**
   * Up to {@code limit} non-current revisions of the mount's live and trashed files the policy
   * lets go: beyond the newest {@code keepLast} (when set) and older than {@code cutoff} (when
   * the policy has a maximum age). Each comes with its blob, to release once deleted.
   */
  List<RevisionRecord> prunable(String mount, io.stockage.RetentionPolicy policy, Instant cutoff, int limit);
}
