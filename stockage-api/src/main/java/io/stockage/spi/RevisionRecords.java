package io.stockage.spi;

import io.stockage.ItemId;
import io.stockage.Page;
import io.stockage.PageRequest;
import java.util.Optional;

/** Revisions of files. */
public interface RevisionRecords {

  /** Inserts a revision. */
  void insert(RevisionRecord revision);

  /** Revision {@code number} of the file. */
  Optional<RevisionRecord> find(ItemId item, int number);

  /** The file's revisions, newest first. */
  Page<RevisionRecord> list(ItemId item, PageRequest page);
}
