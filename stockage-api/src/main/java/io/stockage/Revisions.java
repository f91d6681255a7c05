package io.stockage;

/**
 * The revisions of files ({@link Stockage#revisions()}): numbered from 1, never rewritten.
 * Needs {@link Permission#VIEW} on the file unless said otherwise.
 */
public interface Revisions {

  /** The file's revisions, newest first. */
  Page<Revision> list(Subject subject, ItemId file, PageRequest page);

  /** Opens revision {@code number} of a file; audited as a download. */
  Content open(Subject subject, ItemId file, int number);

  /**
   * Opens a range of revision {@code number} of a file; audited as a download.
   *
   * @throws StockageException {@code RANGE_NOT_SATISFIABLE} when the range starts past the end
   */
  Content open(Subject subject, ItemId file, int number, ByteRange range);

  /**
   * A thumbnail of revision {@code number}: a PNG at most 256 pixels on its longer side — a PDF's
   * first page, an image scaled down, a 3D model's schematic (its bounding box in isometric
   * projection) —, made by the indexing worker shortly after the revision is written; empty before
   * that and for other types. Not audited (a listing's picture, not a download).
   */
  java.util.Optional<byte[]> thumbnail(Subject subject, ItemId file, int number);

  /**
   * Makes revision {@code number}'s content current again as a new revision that records it in
   * {@code restoredFrom}; history is never rewritten and no content is stored again. Needs
   * {@link Permission#CHANGE}.
   */
  Item restore(Subject subject, ItemId file, int number);

  /**
   * Deletes a revision other than the current one. Needs {@link ProjectRole#ADMIN} on the file
   * ({@link Permission#DELETE} and {@link Permission#SHARE}).
   *
   * @throws StockageException {@code CONFLICT} for the current revision
   */
  void delete(Subject subject, ItemId file, int number);

  /** Sets (or, with an empty comment, clears) a revision's comment. Needs {@link Permission#CHANGE}. */
  Revision comment(Subject subject, ItemId file, int number, String comment);

  /** What changed from revision {@code from} to revision {@code to}. */
  Diff diff(Subject subject, ItemId file, int from, int to);
}
