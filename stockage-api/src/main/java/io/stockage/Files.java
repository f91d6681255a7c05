package io.stockage;

/**
 * The files and folders of managed mounts ({@link Stockage#files()}): upload, read, organize,
 * trash. An item of another organization, or one the subject cannot see, is
 * {@link ErrorKind#NOT_FOUND}; one it sees but may not change is
 * {@link ErrorKind#PERMISSION_DENIED}.
 */
public interface Files {

  /** Creates a folder. Needs {@link Permission#ADD} on the project or parent folder. */
  Item createFolder(Subject subject, Location location, String name);

  /**
   * Uploads a new file: the bytes are streamed once (never buffered whole), checked against the
   * upload policy while they stream, stored content-addressed, and become revision 1.
   * Needs {@link Permission#ADD}.
   *
   * @throws StockageException {@code POLICY_VIOLATION} (too large, type not allowed, content
   *     mismatch, invalid name), {@code ALREADY_EXISTS} when the folder has an item of that name
   */
  Item upload(Subject subject, Upload upload);

  /**
   * Writes the next revision of a file. Older revisions keep their content.
   * Needs {@link Permission#CHANGE}.
   *
   * @throws StockageException {@code CONFLICT} when an expected revision no longer holds
   */
  Item write(Subject subject, ItemId file, NewContent content);

  /** Opens the current content of a file for streaming; audited. Needs {@link Permission#VIEW}. */
  Content open(Subject subject, ItemId file);

  /**
   * Opens a range of the current content of a file, as {@link #open(Subject, ItemId)}.
   *
   * @throws StockageException {@code RANGE_NOT_SATISFIABLE} when the range starts past the end
   */
  Content open(Subject subject, ItemId file, ByteRange range);

  /** The item's metadata. Needs {@link Permission#VIEW}; trashed items are found too. */
  Item stat(Subject subject, ItemId item);

  /**
   * The live items of a folder (or the project's root) the subject can see, folders first, then
   * by name (byte order). Needs {@link Permission#VIEW}.
   */
  default Page<Item> list(Subject subject, Location folder, PageRequest page) {
    return list(subject, folder, ListOrder.NAME, page);
  }

  /**
   * The live items of a folder (or the project's root) the subject can see, folders first, each
   * group in the given order. Needs {@link Permission#VIEW}.
   *
   * @throws StockageException {@code INVALID_ARGUMENT} for a cursor another order gave
   */
  Page<Item> list(Subject subject, Location folder, ListOrder order, PageRequest page);

  /**
   * The vault files of the subject's organization it may see (owned, in one of its projects, or
   * shared with it or one of its teams), newest first.
   */
  Page<Item> vaultFiles(Subject subject, PageRequest page);

  /** Renames an item in place. Needs {@link Permission#CHANGE}. */
  Item rename(Subject subject, ItemId item, String newName);

  /**
   * Moves an item to another folder (or the root) of its project. Needs {@link Permission#CHANGE}
   * on the item and {@link Permission#ADD} on the target.
   *
   * @throws StockageException {@code INVALID_ARGUMENT} when the target is in another project
   */
  Item move(Subject subject, ItemId item, Location target);

  /**
   * Copies a file into a folder of its project under a name; the copy's revision 1 shares the
   * original's stored content. Needs {@link Permission#VIEW} on the file and
   * {@link Permission#ADD} on the target.
   *
   * @throws StockageException {@code INVALID_ARGUMENT} when the target is in another project
   */
  Item copy(Subject subject, ItemId file, Location target, String name);

  /**
   * Changes an item's name, tags or custom fields in one step. Needs {@link Permission#CHANGE}.
   * A new name follows the rules of {@link #rename}. Tags are trimmed, lower-cased,
   * NFC-normalized and deduplicated. Custom fields replace the item's whole and are checked
   * against the organization's {@link Fields}; a {@code NUMBER} comes back as a {@code Long}
   * when it is integral, else as a {@code Double}.
   *
   * @throws StockageException {@code INVALID_ARGUMENT} when a custom field is unknown, of the
   *     wrong type, not one of its choices, or required and missing; {@code INVALID_ARGUMENT} for a
   *     tag that is blank, longer than 64 characters or holds a control character, or for more
   *     than 50 tags; for the name, what {@link #rename} throws
   */
  Item update(Subject subject, ItemId item, ItemPatch patch);

  /** Moves an item (and a folder's content) to the trash. Needs {@link Permission#DELETE}. */
  Item trash(Subject subject, ItemId item);

  /**
   * The project's trash: the items moved there (a trashed folder stands for its content), the most
   * recently trashed first. Needs {@link Permission#DELETE} on the project: those who may restore
   * them.
   */
  Page<Item> trashed(Subject subject, String project, PageRequest page);

  /** Brings an item (and what was trashed with it) back from the trash. Needs {@link Permission#DELETE}. */
  Item restore(Subject subject, ItemId item);

  /**
   * Deletes a trashed item for good, with its revisions; content no other revision references is
   * removed from storage by the reconciler. Needs {@link Permission#DELETE}.
   *
   * @throws StockageException {@code CONFLICT} when the item is not in the trash
   */
  void purge(Subject subject, ItemId item);
}
