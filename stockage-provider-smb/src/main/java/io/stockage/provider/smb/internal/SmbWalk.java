package io.stockage.provider.smb.internal;

import com.hierynomus.msfscc.fileinformation.FileDirectoryInformation;
import com.hierynomus.smbj.share.Directory;
import com.hierynomus.smbj.share.DiskShare;
import io.stockage.spi.storage.ObjectInfo;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One page of a listing: a depth-first walk of the folders in key order, stopping once it has
 * {@code wanted} keys.
 *
 * <p>Keys sort as strings, so a folder's entries are visited in the order of their names with
 * {@code /} after a folder's ({@code b-x} before folder {@code b}, whose keys start {@code b/},
 * before {@code b0}). The walk skips whole folders that hold nothing after the cursor or under
 * the prefix. Memory is bounded by the page: a folder is read in passes keeping only its
 * {@code wanted} smallest entries past what was visited, and read again from there when those
 * were not enough (a folder of empty folders).
 */
final class SmbWalk {
  private final DiskShare share;
  private final String prefix;
  private final Optional<String> after;
  private final int wanted;
  private final List<ObjectInfo> found = new ArrayList<>();

  SmbWalk(DiskShare share, String prefix, Optional<String> after, int wanted) {
    this.share = share;
    this.prefix = prefix;
    this.after = after;
    this.wanted = wanted;
  }

  /**
   * The first keys under the folder, whose keys start with {@code keyPrefix}; none when it is
   * missing or a file.
   */
  List<ObjectInfo> walk(String folder, String keyPrefix) {
    visit(folder, keyPrefix);
    return found;
  }

  private void visit(String folder, String keyPrefix) {
    String visited = null;
    boolean more = true;
    while (more && found.size() < wanted) {
      TreeMap<String, FileDirectoryInformation> window = new TreeMap<>();
      Optional<Boolean> overflowed = read(folder, keyPrefix, visited, window);
      if (overflowed.isEmpty()) {
        return;
      }
      more = overflowed.get();
      for (Map.Entry<String, FileDirectoryInformation> e : window.entrySet()) {
        String sortKey = e.getKey();
        if (sortKey.endsWith("/")) {
          visit(SmbPaths.child(folder, e.getValue().getFileName()), sortKey);
        } else {
          FileDirectoryInformation info = e.getValue();
          found.add(ObjectInfo.of(sortKey, info.getEndOfFile(), info.getLastWriteTime().toInstant(), Optional.empty()));
        }
        visited = sortKey;
        if (found.size() >= wanted) {
          return;
        }
      }
    }
  }

  /**
   * Reads the folder's entries past {@code visited} that may lead to listed keys, keeping the
   * smallest {@code wanted} by sort key.
   *
   * @return whether entries were dropped for the bound; empty when the folder is missing
   */
  private Optional<Boolean> read(String folder, String keyPrefix, String visited,
      TreeMap<String, FileDirectoryInformation> window) {
    Directory dir;
    try {
      dir = SmbHandles.openFolder(share, folder);
    } catch (RuntimeException e) {
      if (SmbErrors.isMissing(e)) {
        return Optional.empty();
      }
      throw e;
    }
    boolean overflowed = false;
    try {
      Iterator<FileDirectoryInformation> it = dir.iterator(FileDirectoryInformation.class, null);
      while (it.hasNext()) {
        FileDirectoryInformation info = it.next();
        String name = info.getFileName();
        if (name.equals(".") || name.equals("..") || SmbPaths.isTemporary(name)) {
          continue;
        }
        boolean isFolder = SmbTree.isFolder(info.getFileAttributes());
        String sortKey = keyPrefix + name + (isFolder ? "/" : "");
        if ((visited == null || sortKey.compareTo(visited) > 0) && leadsToKeys(sortKey, isFolder)) {
          window.put(sortKey, info);
          if (window.size() > wanted) {
            window.pollLastEntry();
            overflowed = true;
          }
        }
      }
    } finally {
      SmbHandles.closeFolder(dir);
    }
    return Optional.of(overflowed);
  }

  /** Whether the file's key, or some key in the folder, starts with the prefix and comes after the cursor. */
  private boolean leadsToKeys(String sortKey, boolean isFolder) {
    if (!isFolder) {
      return sortKey.startsWith(prefix) && after.map(a -> sortKey.compareTo(a) > 0).orElse(true);
    }
    boolean underPrefix = sortKey.startsWith(prefix) || prefix.startsWith(sortKey);
    // A folder's keys all start with sortKey: some follow the cursor unless the cursor is past them all.
    boolean afterCursor = after.map(a -> a.compareTo(sortKey) < 0 || a.startsWith(sortKey)).orElse(true);
    return underPrefix && afterCursor;
  }
}
