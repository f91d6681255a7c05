package io.stockage.provider.smb.internal;

import com.hierynomus.mserref.NtStatus;
import com.hierynomus.msfscc.FileAttributes;
import com.hierynomus.msfscc.fileinformation.FileDirectoryInformation;
import com.hierynomus.protocol.commons.EnumWithValue;
import com.hierynomus.smbj.share.Directory;
import com.hierynomus.smbj.share.DiskShare;
import com.hierynomus.smbj.share.File;
import io.stockage.ErrorKind;
import io.stockage.StockageException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * The folders under the root: creating the ones a write needs, pruning the ones a delete empties,
 * creating and deleting folders on request. Deletes prune while writes create, so creating tries
 * again when a folder vanishes under it or is being deleted ({@code STATUS_DELETE_PENDING}); and
 * Samba still lets files be created in a folder marked for deletion, failing the deletion when
 * the handle closes, so a prune never removes a folder that just got a file.
 */
public final class SmbTree {
  /** Tries at creating a folder and using it, when concurrent deletes keep pruning it. */
  static final int ATTEMPTS = 10;
  /** Entries deleted per listing of a folder being deleted: memory stays bounded. */
  private static final int DELETE_BATCH = 1000;

  private final SmbSession session;
  private final SmbPaths paths;
  private final boolean prune;

  /** Folders of the paths' root, changed through the session. */
  public SmbTree(SmbSession session, SmbPaths paths, boolean prune) {
    this.session = session;
    this.paths = paths;
    this.prune = prune;
  }

  /**
   * Creates a folder and its missing parents; an existing one is fine.
   *
   * @throws StockageException {@code ALREADY_EXISTS} when a file has its name or a parent's
   */
  public void createDirectory(String path) {
    String folder = paths.folder(path);
    session.call("mkdir", path, share -> {
      ensureFolder(share, folder, path, ErrorKind.ALREADY_EXISTS);
      return null;
    });
  }

  /** Deletes a folder with everything in it; a missing one (or a file of that name) is fine. */
  public void deleteDirectory(String path) {
    if (path.isEmpty()) {
      throw StockageException.of(ErrorKind.INVALID_ARGUMENT, "smb: the root folder cannot be deleted");
    }
    String folder = paths.folder(path);
    session.call("rmdir", path, share -> {
      deleteTree(share, folder);
      return null;
    });
  }

  /**
   * Makes sure a folder exists, creating it and its missing parents.
   *
   * @param inTheWay the kind to fail with when a file has the name of the folder or of a parent
   * @return the highest folder this call created, so that a failed write removes no folder it
   *     found (a live mount's empty folders are someone's); empty when all existed
   */
  Optional<String> ensureFolder(DiskShare share, String folder, String key, ErrorKind inTheWay) {
    Optional<String> created = Optional.empty();
    for (int attempt = 1; !paths.isRootOrAbove(folder); attempt++) {
      try {
        SmbHandles.closeFolder(SmbHandles.openFolder(share, folder));
        return created;
      } catch (RuntimeException e) {
        if (SmbErrors.is(e, NtStatus.STATUS_NOT_A_DIRECTORY)) {
          throw StockageException.of(inTheWay, "smb: a file has the name of a folder of " + key, e);
        }
        if (attempt == ATTEMPTS || !SmbErrors.is(e, NtStatus.STATUS_OBJECT_NAME_NOT_FOUND,
            NtStatus.STATUS_OBJECT_PATH_NOT_FOUND, NtStatus.STATUS_DELETE_PENDING)) {
          throw e;
        }
        if (SmbErrors.is(e, NtStatus.STATUS_DELETE_PENDING)) {
          pause(attempt);
          continue;
        }
        if (SmbErrors.is(e, NtStatus.STATUS_OBJECT_PATH_NOT_FOUND)) {
          created = ensureFolder(share, SmbPaths.parent(folder), key, inTheWay);
        }
        if (createFolder(share, folder)) {
          return created.or(() -> Optional.of(folder));
        }
      }
    }
    return created;
  }

  /** Creates a folder; false when something of that name appeared meanwhile or a parent vanished. */
  private static boolean createFolder(DiskShare share, String folder) {
    try {
      SmbHandles.closeFolder(SmbHandles.createFolder(share, folder));
      return true;
    } catch (RuntimeException e) {
      if (SmbErrors.is(e, NtStatus.STATUS_OBJECT_NAME_COLLISION, NtStatus.STATUS_OBJECT_PATH_NOT_FOUND,
          NtStatus.STATUS_DELETE_PENDING)) {
        return false;
      }
      throw e;
    }
  }

  /**
   * Removes a folder and its parents while they are empty, up to {@code highest} included, never
   * the root: housekeeping, it never fails.
   */
  void pruneEmptyFolders(DiskShare share, String folder, String highest) {
    while (!paths.isRootOrAbove(folder) && folder.length() >= highest.length() && removeIfEmpty(share, folder)) {
      folder = SmbPaths.parent(folder);
    }
  }

  /** Removes a folder and its parents up to the root while they are empty: after a delete, as the fs provider does. */
  void pruneEmptyFolders(DiskShare share, String folder) {
    if (prune) {
      pruneEmptyFolders(share, folder, paths.root());
    }
  }

  /**
   * Removes an empty folder where a file is to go.
   *
   * @throws StockageException {@code CONFLICT} when it holds anything
   */
  void removeFolderInTheWay(DiskShare share, String folder, String key) {
    Directory dir;
    try {
      dir = SmbHandles.openFolderForDelete(share, folder);
    } catch (RuntimeException e) {
      if (SmbErrors.isMissing(e)) {
        return;
      }
      throw e;
    }
    try {
      dir.deleteOnClose();
      dir.close();
    } catch (RuntimeException e) {
      SmbHandles.closeQuietly(dir);
      if (SmbErrors.is(e, NtStatus.STATUS_DIRECTORY_NOT_EMPTY)) {
        throw StockageException.of(ErrorKind.CONFLICT, "smb: the key is a folder of other objects: " + key, e);
      }
      throw e;
    }
  }

  /** Deletes a file; returns false when there was none (a folder of that name is no file). */
  boolean deleteFile(DiskShare share, String path) {
    File file;
    try {
      file = SmbHandles.openFileForDelete(share, path);
    } catch (RuntimeException e) {
      if (SmbErrors.isMissing(e)) {
        return false;
      }
      throw e;
    }
    try {
      file.deleteOnClose();
    } finally {
      file.close();
    }
    return true;
  }

  private boolean removeIfEmpty(DiskShare share, String folder) {
    try {
      removeFolderInTheWay(share, folder, folder);
      return true;
    } catch (RuntimeException e) {
      // Not empty, gone already, or the connection failed: the delete itself succeeded.
      return false;
    }
  }

  private void deleteTree(DiskShare share, String folder) {
    boolean progress = true;
    for (List<Entry> batch = entries(share, folder); progress && !batch.isEmpty(); batch = entries(share, folder)) {
      progress = false;
      for (Entry entry : batch) {
        String child = SmbPaths.child(folder, entry.name());
        if (entry.folder()) {
          deleteTree(share, child);
          progress = true;
        } else {
          progress |= deleteFile(share, child);
        }
      }
    }
    try {
      removeFolderInTheWay(share, folder, folder);
    } catch (StockageException e) {
      throw StockageException.of(ErrorKind.CONFLICT, "smb: files were added to " + folder + " while it was deleted", e);
    }
  }

  /** An entry of a folder being deleted. */
  private record Entry(String name, boolean folder) {}

  /** Up to a batch of a folder's entries; none when it is missing or a file. */
  private static List<Entry> entries(DiskShare share, String folder) {
    List<Entry> batch = new ArrayList<>();
    Directory dir;
    try {
      dir = SmbHandles.openFolder(share, folder);
    } catch (RuntimeException e) {
      if (SmbErrors.isMissing(e)) {
        return batch;
      }
      throw e;
    }
    try {
      Iterator<FileDirectoryInformation> it = dir.iterator(FileDirectoryInformation.class, null);
      while (it.hasNext() && batch.size() < DELETE_BATCH) {
        FileDirectoryInformation info = it.next();
        String name = info.getFileName();
        if (!name.equals(".") && !name.equals("..")) {
          batch.add(new Entry(name, isFolder(info.getFileAttributes())));
        }
      }
    } finally {
      dir.close();
    }
    return batch;
  }

  /** Whether directory attributes name a folder. */
  static boolean isFolder(long attributes) {
    return EnumWithValue.EnumUtils.isSet(attributes, FileAttributes.FILE_ATTRIBUTE_DIRECTORY);
  }

  /** Waits a little longer at each attempt: a folder being deleted goes when its handle closes. */
  static void pause(int attempt) {
    try {
      Thread.sleep(Math.min(50, 1L << attempt));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw StockageException.of(ErrorKind.UNEXPECTED, "smb: interrupted", e);
    }
  }
}
