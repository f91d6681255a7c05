package io.stockage.spi.storage;

import io.stockage.ByteRange;
import io.stockage.Capabilities;
import io.stockage.Capability;
import io.stockage.StockageException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * A storage backend: a flat namespace of keys (see {@link ObjectKeys}) holding bytes.
 *
 * <p>Behaviour every implementation keeps, checked by the testkit's conformance suites:
 * <ul>
 *   <li>errors are {@link StockageException}s whose kind is mapped in one place: a missing key is
 *       {@code NOT_FOUND}, a backend that cannot be reached is {@code UNAVAILABLE};</li>
 *   <li>an operation that needs an undeclared capability fails with {@code UNSUPPORTED};</li>
 *   <li>nothing buffers a whole object in memory (the in-memory provider excepted);</li>
 *   <li>implementations are thread-safe.</li>
 * </ul>
 */
public interface StorageProvider extends AutoCloseable {

  /** The scheme it is registered under: {@code fs}, {@code memory}, {@code s3}, {@code smb}. */
  String scheme();

  /** What it can do; constant for the life of the instance. */
  Capabilities capabilities();

  /**
   * The object's metadata.
   *
   * @throws StockageException {@code NOT_FOUND} when the key does not exist
   */
  ObjectInfo stat(String key);

  /**
   * Opens the object, whole or a range (a range needs {@link Capability#READ_RANGE}).
   *
   * <ul>
   *   <li>a range reaching past the end is cut at the end;</li>
   *   <li>a range starting at or past the end fails with {@code RANGE_NOT_SATISFIABLE};</li>
   *   <li>a missing key fails with {@code NOT_FOUND}.</li>
   * </ul>
   */
  ObjectContent read(String key, Optional<ByteRange> range);

  /**
   * Writes the object from the stream, replacing any object under the key.
   *
   * <ul>
   *   <li>with {@link Capability#WRITE_ATOMIC}, readers see the old or the new content, never a
   *       prefix or a mix;</li>
   *   <li>when reading {@code data} throws, nothing is left under the key (nor any temporary
   *       object) and the exception propagates unchanged, so that a policy check made while the
   *       bytes stream reaches the caller as it was thrown;</li>
   *   <li>the stream is read to its end but not closed.</li>
   * </ul>
   *
   * @return the stored object's metadata
   */
  ObjectInfo write(String key, InputStream data, WriteOptions options);

  /**
   * Writes {@code data} into the object at {@code offset}, after cutting off whatever it held from
   * there on; at offset 0 the object is created (or emptied). This is how a resumable upload
   * assembles its staging object in place, one chunk after another, one writer at a time. Needs
   * {@link Capability#WRITE_AT_OFFSET}.
   *
   * <ul>
   *   <li>durable when it returns: the bytes and the object's size survive a crash;</li>
   *   <li>an offset past the object's size fails with {@code INVALID_ARGUMENT}; an offset above 0
   *       on a missing key with {@code NOT_FOUND};</li>
   *   <li>when reading {@code data} throws, the exception propagates unchanged and the object keeps
   *       what was written of it: the caller, who knows whether it still owns the object, cuts it back
   *       (a writer fenced out by another must not touch what the other wrote);</li>
   *   <li>not atomic: a reader may see the object partly written. The stream is read to its end but
   *       not closed.</li>
   * </ul>
   *
   * @return the object's size after the write
   */
  default long writeAt(String key, long offset, InputStream data) {
    throw StockageException.unsupported(Capability.WRITE_AT_OFFSET, "writing at an offset");
  }

  /** Deletes the object; deleting a missing key succeeds. */
  void delete(String key);

  /**
   * Lists the objects whose key starts with {@code prefix}, in ascending key order, strictly
   * after {@code after} when given, at most {@code limit} per page.
   */
  ObjectPage list(String prefix, Optional<String> after, int limit);

  /**
   * Copies an object; server-side with {@link Capability#COPY_SERVER_SIDE}, else through the
   * client by streaming.
   *
   * @throws StockageException {@code NOT_FOUND} when the source does not exist
   */
  default ObjectInfo copy(String source, String target) {
    try (ObjectContent in = read(source, Optional.empty())) {
      return write(target, in.stream(), WriteOptions.defaults().withLength(in.info().size()));
    }
  }

  /**
   * Moves an object to another key, replacing what is there: atomically with
   * {@link Capability#RENAME_ATOMIC}, else by copy then delete. Moving a key onto itself keeps it.
   *
   * @throws StockageException {@code NOT_FOUND} when the source does not exist
   */
  default ObjectInfo move(String source, String target) {
    if (source.equals(target)) {
      return stat(source);
    }
    ObjectInfo info = copy(source, target);
    delete(source);
    return info;
  }

  /**
   * A URL that reads the object without credentials until it expires. Needs
   * {@link Capability#PRESIGN_READ}.
   *
   * @param downloadName the file name a browser should save it under, when given
   */
  default URI presignRead(String key, Duration ttl, Optional<String> downloadName) {
    throw StockageException.unsupported(Capability.PRESIGN_READ, "presigned read");
  }

  /** A URL that writes the object without credentials until it expires. Needs {@link Capability#PRESIGN_WRITE}. */
  default URI presignWrite(String key, Duration ttl) {
    throw StockageException.unsupported(Capability.PRESIGN_WRITE, "presigned write");
  }

  /**
   * The versions of a key, newest first, delete markers included. Needs
   * {@link Capability#NATIVE_VERSIONING}.
   */
  default java.util.List<ObjectVersion> versions(String key) {
    throw StockageException.unsupported(Capability.NATIVE_VERSIONING, "listing versions");
  }

  /**
   * Opens one version of a key, whole or a range. Needs {@link Capability#NATIVE_VERSIONING}.
   *
   * @throws StockageException {@code NOT_FOUND} for an unknown version or a delete marker
   */
  default ObjectContent readVersion(String key, String versionId, Optional<ByteRange> range) {
    throw StockageException.unsupported(Capability.NATIVE_VERSIONING, "reading a version");
  }

  /** Deletes one version of a key for good. Needs {@link Capability#NATIVE_VERSIONING}. */
  default void deleteVersion(String key, String versionId) {
    throw StockageException.unsupported(Capability.NATIVE_VERSIONING, "deleting a version");
  }

  /** Starts a multipart upload to the key. Needs {@link Capability#MULTIPART_UPLOAD}. */
  default MultipartWrite beginMultipart(String key, WriteOptions options) {
    throw StockageException.unsupported(Capability.MULTIPART_UPLOAD, "multipart upload");
  }

  /**
   * Takes up a multipart upload begun earlier (by this or another process).
   *
   * @throws StockageException {@code NOT_FOUND} when the upload was completed, aborted or expired
   */
  default MultipartWrite resumeMultipart(String key, String uploadId) {
    throw StockageException.unsupported(Capability.MULTIPART_UPLOAD, "multipart upload");
  }

  /**
   * The entries of a directory, one level, by name; {@code ""} is the root. Needs
   * {@link Capability#DIRECTORIES}.
   *
   * @throws StockageException {@code NOT_FOUND} when the directory does not exist
   */
  default java.util.List<DirectoryEntry> listDirectory(String path) {
    throw StockageException.unsupported(Capability.DIRECTORIES, "listing a directory");
  }

  /**
   * Watches the whole tree for changes made outside Stockage, where the backend can say so (SMB2
   * CHANGE_NOTIFY): {@code changed} runs on a thread of the provider's after each batch of changes
   * (and once when watching starts again after a lost connection). A caller still rescans on a
   * timer: a notification can be lost. Empty when the backend cannot watch; close the handle to stop.
   */
  default java.util.Optional<AutoCloseable> watch(Runnable changed) {
    return java.util.Optional.empty();
  }

  /** Creates a directory and its missing parents; an existing one is fine. Needs {@link Capability#DIRECTORIES}. */
  default void createDirectory(String path) {
    throw StockageException.unsupported(Capability.DIRECTORIES, "creating a directory");
  }

  /**
   * Deletes a directory with everything in it; a missing one is fine. Needs
   * {@link Capability#DIRECTORIES}.
   */
  default void deleteDirectory(String path) {
    throw StockageException.unsupported(Capability.DIRECTORIES, "deleting a directory");
  }

  /**
   * Aborts the multipart uploads under this provider's root begun before the cutoff: the ones a
   * failed write could not abort because the backend was down. The reconciler calls it with a
   * cutoff older than any upload still in use. A provider without {@link Capability#MULTIPART_UPLOAD}
   * has none.
   *
   * @return the number of uploads aborted
   */
  default int abortIncompleteUploads(java.time.Instant initiatedBefore) {
    return 0;
  }

  /** Releases connections and threads; the provider is unusable afterwards. */
  @Override
  void close();
}
