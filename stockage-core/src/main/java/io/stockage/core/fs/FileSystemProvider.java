package io.stockage.core.fs;

import io.stockage.ByteRange;
import io.stockage.Capabilities;
import io.stockage.Capability;
import io.stockage.ErrorKind;
import io.stockage.Limits;
import io.stockage.StockageException;
import io.stockage.spi.storage.ObjectContent;
import io.stockage.spi.storage.ObjectInfo;
import io.stockage.spi.storage.ObjectKeys;
import io.stockage.spi.storage.ObjectPage;
import io.stockage.spi.storage.StorageProvider;
import io.stockage.spi.storage.WriteOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;
import java.util.UUID;

/**
 * Stores objects as files under a root directory: the embedded default.
 *
 * <ul>
 *   <li>writes go to a temporary file in the target's directory, are forced to disk, then renamed
 *       over the target: readers see the old or the new file, never a prefix;</li>
 *   <li>every key resolves under the root; a symbolic link on the way out of the root is refused
 *       ({@code PERMISSION_DENIED}), so a link planted in the tree cannot expose other files;</li>
 *   <li>empty directories left by deletes, moves and failed writes are removed;</li>
 *   <li>a key and a key under it ({@code a} and {@code a/b}) cannot both be objects, since one
 *       would be a file and a directory at once: the second write fails with {@code CONFLICT}
 *       and the first object stays; a folder name is no object (stat is {@code NOT_FOUND},
 *       delete does nothing).</li>
 * </ul>
 */
public final class FileSystemProvider implements StorageProvider {
  /** Prefix of in-flight temporary files; they are never listed. */
  static final String TEMP_PREFIX = ".stockage-tmp-";
  private static final int MAX_KEY_LENGTH = 1024;
  private static final Capabilities CAPABILITIES = Capabilities.of(
      Limits.of(Long.MAX_VALUE, MAX_KEY_LENGTH),
      Capability.READ_RANGE, Capability.WRITE_ATOMIC, Capability.RENAME_ATOMIC, Capability.LIST_PAGED,
      Capability.DIRECTORIES, Capability.WRITE_AT_OFFSET);

  private final Path root;
  private final FsTree tree;
  private final FsDirectories directories;

  private FileSystemProvider(Path root, boolean prune) {
    this.root = root;
    this.tree = new FsTree(root, prune);
    this.directories = new FsDirectories(root, tree, this::resolve);
  }

  /**
   * A provider storing under {@code root}, created when missing.
   *
   * @throws StockageException {@code CONFIG_INVALID} when the root cannot be created or is not a
   *     directory
   */
  public static FileSystemProvider create(Path root) {
    return create(root, true);
  }

  /**
   * A provider storing under {@code root}; with {@code pruneEmptyDirectories} false, directories
   * emptied by deletes and moves stay, as a live mount on a folder needs (its directories are the
   * users' own).
   *
   * @throws StockageException {@code CONFIG_INVALID} when the root cannot be created or is not a
   *     directory
   */
  public static FileSystemProvider create(Path root, boolean pruneEmptyDirectories) {
    try {
      Files.createDirectories(root);
      return new FileSystemProvider(root.toRealPath(), pruneEmptyDirectories);
    } catch (IOException e) {
      throw StockageException.of(ErrorKind.CONFIG_INVALID, "cannot use " + root + " as storage root: " + e, e);
    }
  }

  /** The root directory, resolved. */
  public Path root() {
    return root;
  }

  @Override
  public String scheme() {
    return "fs";
  }

  @Override
  public Capabilities capabilities() {
    return CAPABILITIES;
  }

  @Override
  public ObjectInfo stat(String key) {
    Path path = resolveExisting(key);
    try {
      return info(key, Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS));
    } catch (IOException e) {
      throw FsErrors.map(e, "stat", key);
    }
  }

  @Override
  public ObjectContent read(String key, Optional<ByteRange> range) {
    Path path = resolveExisting(key);
    FileChannel channel = null;
    try {
      BasicFileAttributes attrs;
      for (int attempt = 1; ; attempt++) {
        // A write renames a new file over the path at any time: the metadata must be the opened file's.
        BasicFileAttributes before = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        channel = FileChannel.open(path, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
        attrs = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (java.util.Objects.equals(before.fileKey(), attrs.fileKey()) && attrs.size() == channel.size()
            || attempt == 3) {
          break;
        }
        closeQuietly(channel);
      }
      ObjectInfo info = ObjectInfo.of(key, channel.size(), attrs.lastModifiedTime().toInstant(), Optional.empty());
      ByteRange.Slice slice = range.map(r -> r.resolve(info.size())).orElse(ByteRange.Slice.whole(info.size()));
      return new ObjectContent(info, slice, new FsSliceStream(channel, slice.offset(), slice.length()));
    } catch (IOException | RuntimeException e) {
      closeQuietly(channel);
      if (e instanceof IOException io) {
        throw FsErrors.map(io, "read", key);
      }
      throw (RuntimeException) e;
    }
  }

  @Override
  public ObjectInfo write(String key, InputStream data, WriteOptions options) {
    if (options.ifAbsent() || options.ifMatch().isPresent()) {
      throw StockageException.unsupported(Capability.WRITE_CONDITIONAL, "conditional write");
    }
    Path target = resolve(key);
    Path temp = target.resolveSibling(TEMP_PREFIX + UUID.randomUUID());
    boolean created = false;
    try {
      Beside beside = createBeside(key, target, temp);
      try (FileChannel channel = beside.channel()) {
        created = true;
        new FsFlusher(channel, options.length()).copy(data, 0);
      }
      replaceWith(key, target, temp);
      tree.forcePlaced(target, beside.madeDirectory());
      return stat(key);
    } catch (IOException e) {
      abandon(temp, created);
      throw FsErrors.map(e, "write", key);
    } catch (RuntimeException | Error e) {
      abandon(temp, created);
      throw e;
    }
  }

  @Override
  public long writeAt(String key, long offset, InputStream data) {
    Path path = resolve(key);
    try {
      tree.confine(path);
      return FsWriteAt.write(tree, key, path, offset, data);
    } catch (IOException e) {
      throw FsErrors.map(e, "write", key);
    }
  }

  @Override
  public void delete(String key) {
    Path path = resolve(key);
    try {
      tree.confine(path);
      // A folder name, or a key under an object, names no object: nothing to delete.
      if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS) && Files.deleteIfExists(path)) {
        tree.pruneEmptyParents(path.getParent());
      }
    } catch (IOException e) {
      throw FsErrors.map(e, "delete", key);
    }
  }

  @Override
  public ObjectPage list(String prefix, Optional<String> after, int limit) {
    ObjectKeys.checkPrefix(prefix, MAX_KEY_LENGTH);
    return new FsLister(root, prefix, after, limit).list();
  }

  @Override
  public ObjectInfo copy(String source, String target) {
    try (ObjectContent in = read(source, Optional.empty())) {
      return write(target, in.stream(), WriteOptions.defaults());
    }
  }

  @Override
  public ObjectInfo move(String source, String target) {
    Path from = resolveExisting(source);
    Path to = resolve(target);
    if (from.equals(to)) {
      return stat(target);
    }
    for (int attempt = 1; ; attempt++) {
      try {
        Path made = tree.prepareParent(target, to);
        Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        tree.forcePlaced(to, made);
        tree.pruneEmptyParents(from.getParent());
        return stat(target);
      } catch (NoSuchFileException e) {
        // The source went away, or a concurrent delete pruned the target's new directory.
        if (!Files.isRegularFile(from, LinkOption.NOFOLLOW_LINKS)) {
          throw StockageException.notFound("no object " + source);
        }
        if (attempt == FsTree.ATTEMPTS) {
          throw FsErrors.map(e, "move", source);
        }
      } catch (IOException e) {
        throw FsErrors.map(e, "move", source);
      }
    }
  }

  @Override
  public void close() {
    // Nothing held between calls.
  }

  @Override
  public java.util.List<io.stockage.spi.storage.DirectoryEntry> listDirectory(String path) {
    return directories.list(path);
  }

  @Override
  public void createDirectory(String path) {
    directories.create(path);
  }

  @Override
  public void deleteDirectory(String path) {
    directories.delete(path);
  }

  @Override
  public String toString() {
    return "FileSystemProvider[" + root + "]";
  }

  private Path resolve(String key) {
    ObjectKeys.check(key, MAX_KEY_LENGTH);
    Path path;
    try {
      path = root.resolve(key).normalize();
    } catch (InvalidPathException e) {
      // The JVM encodes file names in sun.jnu.encoding: under a non-UTF-8 locale, non-ASCII keys.
      throw StockageException.of(ErrorKind.INVALID_ARGUMENT, "key cannot be a file name here: " + key, e);
    }
    if (!path.startsWith(root) || path.equals(root)) {
      throw StockageException.of(ErrorKind.INVALID_ARGUMENT, "key escapes the storage root: " + key);
    }
    return path;
  }

  private Path resolveExisting(String key) {
    Path path = resolve(key);
    try {
      tree.confine(path);
    } catch (IOException e) {
      throw FsErrors.map(e, "resolve", key);
    }
    if (!Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
      throw StockageException.notFound("no object " + key);
    }
    return path;
  }

  /**
   * Creates the temporary file beside the target, with the directories leading to it. A
   * concurrent delete may prune a directory just created (it was empty): then try again.
   */
  private Beside createBeside(String key, Path target, Path temp) throws IOException {
    Path made = null;
    for (int attempt = 1; ; attempt++) {
      made = FsTree.higher(made, tree.prepareParent(key, target));
      try {
        return new Beside(FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), made);
      } catch (NoSuchFileException e) {
        if (attempt == FsTree.ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  /** A temporary file opened beside its key, and the topmost directory made for it (or null). */
  private record Beside(FileChannel channel, Path madeDirectory) {}

  /** Renames the temporary file over the target; an empty directory in the way is removed. */
  private void replaceWith(String key, Path target, Path temp) throws IOException {
    if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
      tree.removeEmptyDirectory(key, target);
    }
    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  static ObjectInfo info(String key, BasicFileAttributes attrs) {
    return ObjectInfo.of(key, attrs.size(), attrs.lastModifiedTime().toInstant(), Optional.empty());
  }

  /** Removes the temporary file of a failed write and the directories the write created for it. */
  private void abandon(Path temp, boolean created) {
    if (created) {
      try {
        Files.deleteIfExists(temp);
      } catch (IOException e) {
        // The temporary name is never listed, and the reconciler's listing skips it.
      }
    }
    tree.pruneEmptyParents(temp.getParent());
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException e) {
        // Already failing.
      }
    }
  }
}
