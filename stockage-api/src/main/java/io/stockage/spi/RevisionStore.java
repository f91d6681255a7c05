package io.stockage.spi;

import io.stockage.ByteRange;
import io.stockage.ItemId;
import io.stockage.Page;
import io.stockage.PageRequest;
import io.stockage.Revision;
import io.stockage.VersioningMode;
import java.util.Optional;

/**
 * How a managed mount keeps the revisions of its files, behind authorization: the engine checks
 * access first, then calls this store. {@link VersioningMode#EMULATED} keeps every revision as a
 * content-addressed blob on any provider; {@link VersioningMode#NATIVE} maps revision n to a
 * backend version id (S3 bucket versioning).
 */
public interface RevisionStore {

  /** How this store keeps revisions. */
  VersioningMode mode();

  /** The file's revisions, newest first. */
  Page<Revision> list(ItemId file, PageRequest page);

  /** Revision {@code number} of the file. */
  Optional<Revision> find(ItemId file, int number);

  /**
   * Opens revision {@code number}'s content, whole or a range.
   *
   * @throws io.stockage.StockageException {@code NOT_FOUND} when there is no such revision,
   *     {@code RANGE_NOT_SATISFIABLE} for a range past the end
   */
  ObjectContent open(ItemId file, int number, Optional<ByteRange> range);
}
