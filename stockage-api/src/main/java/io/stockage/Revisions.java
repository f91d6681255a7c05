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
