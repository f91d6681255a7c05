package io.stockage.provider.smb.internal;

import com.hierynomus.msfscc.fileinformation.FileDirectoryInformation;
import com.hierynomus.smbj.share.Directory;
import io.stockage.ErrorKind;
import io.stockage.StockageException;
import io.stockage.spi.storage.DirectoryEntry;
import io.stockage.spi.storage.ObjectInfo;
import io.stockage.spi.storage.ObjectKeys;
import io.stockage.spi.storage.ObjectPage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * Lists keys, a page at a time, by walking the folders under the smallest one that holds the
 * prefix ({@link SmbWalk}), and lists one folder's entries for live mounts. Temporary files of
 * writes in flight are never listed.
 */
public final class SmbLister {
  private final SmbSession session;
  private final SmbPaths paths;

  /** A lister through the session, of the keys under the paths' root. */
  public SmbLister(SmbSession session, SmbPaths paths) {
    this.session = session;
    this.paths = paths;
  }

  /**
   * The keys starting with the prefix, in ascending order, strictly after {@code after}, at most
   * {@code limit}; {@code next} is the page's last key when more follow.
   */
  public ObjectPage list(String prefix, Optional<String> after, int limit) {
    ObjectKeys.checkPrefix(prefix, SmbPaths.MAX_KEY_LENGTH);
    if (limit < 1) {
      throw StockageException.of(ErrorKind.INVALID_ARGUMENT, "list limit must be >= 1: " + limit);
    }
    int slash = prefix.lastIndexOf('/');
    String start = slash < 0 ? "" : prefix.substring(0, slash);
    if (!start.isEmpty() && !storable(start)) {
      // No file can have such a name on the share: nothing is under it.
      return new ObjectPage(List.of(), Optional.empty());
    }
    String folder = start.isEmpty() ? paths.root() : paths.under(start);
    List<ObjectInfo> found = session.call("list", prefix,
        share -> new SmbWalk(share, prefix, after, limit + 1).walk(folder, start.isEmpty() ? "" : start + "/"));
    if (found.size() <= limit) {
      return new ObjectPage(found, Optional.empty());
    }
    List<ObjectInfo> page = found.subList(0, limit);
    return new ObjectPage(page, Optional.of(page.get(limit - 1).key()));
  }

  /**
   * The entries of one folder ({@code ""} being the root), by name.
   *
   * @throws StockageException {@code NOT_FOUND} when there is no such folder
   */
  public List<DirectoryEntry> listDirectory(String path) {
    String folder = paths.folder(path);
    return session.call("list", path.isEmpty() ? "/" : path, share -> {
      List<DirectoryEntry> entries = new ArrayList<>();
      Directory dir = SmbHandles.openFolder(share, folder);
      try {
        Iterator<FileDirectoryInformation> it = dir.iterator(FileDirectoryInformation.class, null);
        while (it.hasNext()) {
          FileDirectoryInformation info = it.next();
          String name = info.getFileName();
          if (!name.equals(".") && !name.equals("..") && !SmbPaths.isTemporary(name)) {
            boolean isFolder = SmbTree.isFolder(info.getFileAttributes());
            entries.add(new DirectoryEntry(name, isFolder, isFolder ? 0 : info.getEndOfFile(),
                info.getLastWriteTime().toInstant()));
          }
        }
      } finally {
        SmbHandles.closeFolder(dir);
      }
      entries.sort(Comparator.comparing(DirectoryEntry::name));
      return entries;
    });
  }

  private static boolean storable(String key) {
    try {
      SmbPaths.checkNames(key);
      return true;
    } catch (StockageException e) {
      return false;
    }
  }
}
