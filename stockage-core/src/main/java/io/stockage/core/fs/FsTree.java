package io.stockage.core.fs;

import io.stockage.ErrorKind;
import io.stockage.StockageException;
import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The directories under the provider's root: keeping paths inside it, creating the directories a
 * write needs and pruning the ones a delete empties. Deletes prune concurrently with writes
 * creating, so creating retries when a directory vanishes under it.
 */
final class FsTree {
  /** Tries at creating a directory and using it, when concurrent deletes keep pruning it. */
  static final int ATTEMPTS = 10;
  private final Path root;
  private final boolean prune;

  FsTree(Path root, boolean prune) {
    this.root = root;
    this.prune = prune;
  }

  /**
   * Makes sure the directories leading to {@code path} exist and stay under the root, and that
   * {@code path} itself can become an object. A flat key space may hold both {@code a} and
   * {@code a/b}; a file system cannot, and says so with {@code CONFLICT}.
   *
   * @return the topmost directory it created, or null: pass it to {@link #forcePlaced} once the
   *     object is in place
   */
  Path prepareParent(String key, Path path) throws IOException {
    confine(path);
    Path created = null;
    for (int attempt = 1; ; attempt++) {
      try {
        Path missing = highestMissing(path.getParent());
        if (missing != null) {
          Files.createDirectories(path.getParent());
          created = higher(created, missing);
        }
        break;
      } catch (FileAlreadyExistsException | NoSuchFileException e) {
        if (e instanceof FileAlreadyExistsException && objectAbove(path)) {
          throw StockageException.of(ErrorKind.CONFLICT, "an object's key is a folder of this key: " + key, e);
        }
        if (attempt == ATTEMPTS) {
          throw e;
        }
        // A concurrent delete pruned a directory on the way while it was being created.
      }
    }
    confine(path);
    if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
      removeEmptyDirectory(key, path);
    }
    return created;
  }

  /**
   * Of two directories made on the way to one path (on a first try and after a concurrent delete
   * pruned it), the higher; either may be null.
   */
  static Path higher(Path made, Path madeAgain) {
    if (made == null) {
      return madeAgain;
    }
    return madeAgain != null && madeAgain.getNameCount() < made.getNameCount() ? madeAgain : made;
  }

  /**
   * Makes an object just created or renamed at {@code path} survive a crash: forces its directory
   * and, when {@code created} (from {@link #prepareParent}) is not null, each directory above it up
   * to the one holding {@code created} — every directory made for the object is an entry in the
   * one above it. Forced after the object is in place rather than as the directories are made: on
   * a file system with one journal (ext4, XFS) the first force commits every change before it, and
   * the others find nothing left to commit.
   */
  void forcePlaced(Path path, Path created) throws IOException {
    Path dir = path.getParent();
    forceDirectory(dir);
    if (created != null) {
      Path last = created.getParent();
      for (dir = dir.getParent(); dir != null && dir.startsWith(last); dir = dir.getParent()) {
        forceDirectory(dir);
      }
    }
  }

  // The topmost directory from dir up that does not exist, or null when dir exists.
  private Path highestMissing(Path dir) {
    Path missing = null;
    for (Path p = dir; p != null && !p.equals(root) && !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS);
        p = p.getParent()) {
      missing = p;
    }
    return missing;
  }

  /** Removes an empty directory where an object is to go; a directory with objects is {@code CONFLICT}. */
  void removeEmptyDirectory(String key, Path dir) throws IOException {
    try {
      Files.deleteIfExists(dir);
    } catch (DirectoryNotEmptyException e) {
      throw StockageException.of(ErrorKind.CONFLICT, "the key is a folder of other objects: " + key, e);
    }
  }

  /** Whether a directory on the way from the root to {@code path} is in fact a file. */
  private boolean objectAbove(Path path) {
    for (Path p = path.getParent(); p != null && !p.equals(root); p = p.getParent()) {
      if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Forces a directory's entries to the disk, so that a file just created or renamed into it
   * survives a crash.
   */
  void forceDirectory(Path dir) throws IOException {
    try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(dir, java.nio.file.StandardOpenOption.READ)) {
      channel.force(true);
    }
  }

  /** Refuses a path whose existing part leads outside the root through a symbolic link. */
  void confine(Path path) throws IOException {
    Path existing = path.getParent();
    Path real = null;
    while (real == null && existing != null) {
      if (!Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
        existing = existing.getParent();
        continue;
      }
      try {
        real = existing.toRealPath();
      } catch (NoSuchFileException e) {
        // A concurrent delete pruned it after it was seen: check what holds it.
        existing = existing.getParent();
      }
    }
    if (real == null || !real.startsWith(root)) {
      throw StockageException.of(ErrorKind.PERMISSION_DENIED, "path leaves the storage root: " + root.relativize(path));
    }
    if (Files.isSymbolicLink(path)) {
      throw StockageException.of(ErrorKind.PERMISSION_DENIED, "symbolic link refused: " + root.relativize(path));
    }
  }

  /**
   * Removes {@code dir} and its parents up to the root while they are empty — unless the tree is
   * a live mount's, where directories are the users' own.
   */
  void pruneEmptyParents(Path dir) {
    if (!prune) {
      return;
    }
    try {
      // Only directories: after a write refused because a "directory" was an object, the
      // parent is that object.
      while (dir != null && !dir.equals(root) && dir.startsWith(root)
          && Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
        Files.delete(dir);
        dir = dir.getParent();
      }
    } catch (DirectoryNotEmptyException | NoSuchFileException e) {
      // Another object lives there, or a concurrent delete pruned it: both fine.
    } catch (IOException e) {
      // Pruning is housekeeping; the delete itself succeeded.
    }
  }
}
