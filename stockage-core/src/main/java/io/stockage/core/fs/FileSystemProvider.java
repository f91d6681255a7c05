package io.stockage.core.fs;

import io.stockage.ByteRange;
import io.stockage.Capabilities;
import io.stockage.Capability;
import io.stockage.ErrorKind;
import io.stockage.Limits;
import io.stockage.StockageException;
import io.stockage.core.internal.BoundedInputStream;
import io.stockage.spi.ObjectContent;
import io.stockage.spi.ObjectInfo;
import io.stockage.spi.ObjectKeys;
import io.stockage.spi.ObjectPage;
import io.stockage.spi.StorageProvider;
import io.stockage.spi.WriteOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
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
 *   <li>empty directories left by deletes are removed.</li>
 * </ul>
 */
public final class FileSystemProvider implements StorageProvider {
  /** Prefix of in-flight temporary files; they are never listed. */
  static final String TEMP_PREFIX = ".stockage-tmp-";
  private static final int MAX_KEY_LENGTH = 1024;
  private static final Capabilities CAPABILITIES = Capabilities.of(
      Limits.of(Long.MAX_VALUE, MAX_KEY_LENGTH),
      Capability.READ_RANGE, Capability.WRITE_ATOMIC, Capability.RENAME_ATOMIC, Capability.LIST_PAGED);

  private final Path root;

  private FileSystemProvider(Path root) {
    this.root = root;
  }

  /**
   * A provider storing under {@code root}, created when missing.
   *
   * @throws StockageException {@code CONFIG_INVALID} when the root cannot be created or is not a
   *     directory
   */
  public static FileSystemProvider create(Path root) {
    try {
      Files.createDirectories(root);
      return new FileSystemProvider(root.toRealPath());
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
      channel = FileChannel.open(path, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
      BasicFileAttributes attrs = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      ObjectInfo info = info(key, attrs);
      ByteRange.Slice slice = range.map(r -> r.resolve(info.size())).orElse(ByteRange.Slice.whole(info.size()));
      channel.position(slice.offset());
      InputStream in = new BoundedInputStream(Channels.newInputStream(channel), slice.length());
      return new ObjectContent(info, slice, in);
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
    Path target = resolveForWrite(key);
    Path temp = target.resolveSibling(TEMP_PREFIX + UUID.randomUUID());
    try {
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        OutputStream out = Channels.newOutputStream(channel);
        data.transferTo(out);
        channel.force(true);
      }
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      return stat(key);
    } catch (IOException e) {
      deleteQuietly(temp);
      throw FsErrors.map(e, "write", key);
    } catch (RuntimeException | Error e) {
      deleteQuietly(temp);
      throw e;
    }
  }

  @Override
  public void delete(String key) {
    Path path = resolve(key);
    try {
      confine(path);
      if (Files.deleteIfExists(path)) {
        pruneEmptyParents(path.getParent());
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
    Path to = resolveForWrite(target);
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      pruneEmptyParents(from.getParent());
      return stat(target);
    } catch (IOException e) {
      throw FsErrors.map(e, "move", source);
    }
  }

  @Override
  public void close() {
    // Nothing held between calls.
  }

  @Override
  public String toString() {
    return "FileSystemProvider[" + root + "]";
  }

  private Path resolve(String key) {
    ObjectKeys.check(key, MAX_KEY_LENGTH);
    Path path = root.resolve(key).normalize();
    if (!path.startsWith(root) || path.equals(root)) {
      throw StockageException.of(ErrorKind.INVALID_ARGUMENT, "key escapes the storage root: " + key);
    }
    return path;
  }

  private Path resolveExisting(String key) {
    Path path = resolve(key);
    try {
      confine(path);
    } catch (IOException e) {
      throw FsErrors.map(e, "resolve", key);
    }
    if (!Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
      throw StockageException.notFound("no object " + key);
    }
    return path;
  }

  private Path resolveForWrite(String key) {
    Path path = resolve(key);
    try {
      confine(path);
      Files.createDirectories(path.getParent());
      confine(path);
      if (Files.isSymbolicLink(path) || Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
        throw StockageException.of(ErrorKind.CONFLICT, "not a regular object: " + key);
      }
      return path;
    } catch (IOException e) {
      throw FsErrors.map(e, "write", key);
    }
  }

  /** Refuses a path whose existing part leads outside the root through a symbolic link. */
  private void confine(Path path) throws IOException {
    Path existing = path.getParent();
    while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
      existing = existing.getParent();
    }
    if (existing == null || !existing.toRealPath().startsWith(root)) {
      throw StockageException.of(ErrorKind.PERMISSION_DENIED, "path leaves the storage root: " + root.relativize(path));
    }
    if (Files.isSymbolicLink(path)) {
      throw StockageException.of(ErrorKind.PERMISSION_DENIED, "symbolic link refused: " + root.relativize(path));
    }
  }

  private void pruneEmptyParents(Path dir) {
    try {
      while (dir != null && !dir.equals(root) && dir.startsWith(root)) {
        Files.delete(dir);
        dir = dir.getParent();
      }
    } catch (DirectoryNotEmptyException | NoSuchFileException e) {
      // Another object lives there, or a concurrent delete pruned it: both fine.
    } catch (IOException e) {
      // Pruning is housekeeping; the delete itself succeeded.
    }
  }

  static ObjectInfo info(String key, BasicFileAttributes attrs) {
    return ObjectInfo.of(key, attrs.size(), attrs.lastModifiedTime().toInstant(), Optional.empty());
  }

  private static void deleteQuietly(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      // The temporary name is never listed, and the reconciler's listing skips it.
    }
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
