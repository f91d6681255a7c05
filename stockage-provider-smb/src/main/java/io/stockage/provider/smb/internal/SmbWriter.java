package io.stockage.provider.smb.internal;

import com.hierynomus.mserref.NtStatus;
import com.hierynomus.smbj.share.DiskShare;
import com.hierynomus.smbj.share.File;
import io.stockage.ErrorKind;
import io.stockage.StockageException;
import io.stockage.spi.storage.ObjectInfo;
import io.stockage.spi.storage.WriteOptions;
import java.io.InputStream;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Writes, copies, moves and deletes, through the session that changes the share.
 *
 * <ul>
 *   <li>A write streams to a temporary file in the target's folder ({@code .stockage-tmp-<uuid>},
 *       never listed), flushes it, then renames it over the target ({@link SmbReplace}): readers
 *       see the old file or the new one, never a prefix.</li>
 *   <li>When the caller's stream fails, the temporary file is deleted and the stream's exception
 *       propagates unchanged; so do the folders the write created, and no other.</li>
 *   <li>When the connection fails mid-write (the server died), nothing changed under the target's
 *       name; the temporary file cannot be deleted then, so it is remembered and deleted by the
 *       next write once the server is back.</li>
 *   <li>A copy is a server-side copy into a temporary file, renamed the same way; a move is one
 *       rename. Deletes, and moves for their source, remove the folders they leave empty.</li>
 * </ul>
 */
public final class SmbWriter {
  private static final int MAX_ORPHANS = 10_000;

  private final SmbSession session;
  private final SmbPaths paths;
  private final SmbTree tree;
  private final SmbReplace replace;
  private final Queue<Temp> orphans = new ConcurrentLinkedQueue<>();

  /** A writer through the session, of the keys under the paths' root. */
  public SmbWriter(SmbSession session, SmbPaths paths, SmbTree tree) {
    this.session = session;
    this.paths = paths;
    this.tree = tree;
    this.replace = new SmbReplace(tree);
  }

  /** Writes the stream under the key, replacing what is there. */
  public ObjectInfo write(String key, InputStream data, WriteOptions options) {
    String target = paths.file(key);
    cleanOrphans();
    Temp temp = session.call("write", key, share -> Temp.create(share, tree, target, key));
    try {
      SmbTransfer.fromStream(data, temp.file(), options.length());
      temp.file().flush();
    } catch (SmbTransfer.SourceFailure e) {
      abandon(temp);
      throw e.rethrow();
    } catch (RuntimeException e) {
      abandon(temp);
      throw session.failure(e, temp.share(), "write", key);
    }
    return commit(temp, target, key, "write");
  }

  /**
   * Writes in place at an offset (a resumable upload's staging file): at 0 the file is created or
   * emptied, with its folders; else it must exist and hold at least {@code offset} bytes, and is cut
   * there first. Flushed before it returns. A failing stream leaves what was written (the caller cuts
   * it back) and propagates unchanged.
   */
  public long writeAt(String key, long offset, InputStream data) {
    if (offset < 0) {
      throw StockageException.of(ErrorKind.INVALID_ARGUMENT, "an offset is not negative: " + offset);
    }
    String path = paths.file(key);
    Opened opened = session.call("write", key, share -> {
      if (offset == 0) {
        tree.ensureFolder(share, SmbPaths.parent(path), key, ErrorKind.CONFLICT);
      }
      return new Opened(share, SmbHandles.openForWriteAt(share, path, offset == 0));
    });
    try {
      long size = opened.file().getFileInformation().getStandardInformation().getEndOfFile();
      if (offset > size) {
        throw StockageException.of(ErrorKind.INVALID_ARGUMENT, "offset " + offset + " is past the end of " + key
            + " (" + size + " bytes)");
      }
      opened.file().setLength(offset);
      long written = SmbTransfer.fromStream(data, opened.file(), java.util.OptionalLong.empty(), offset);
      opened.file().flush();
      return offset + written;
    } catch (SmbTransfer.SourceFailure e) {
      throw e.rethrow();
    } catch (StockageException e) {
      throw e;
    } catch (RuntimeException e) {
      throw session.failure(e, opened.share(), "write", key);
    } finally {
      SmbHandles.closeQuietly(opened.file());
    }
  }

  /** Copies server-side; a copy onto itself keeps the object. */
  public ObjectInfo copy(String source, String target) {
    String from = paths.file(source);
    String to = paths.file(target);
    if (from.equals(to)) {
      return stat(source, from);
    }
    cleanOrphans();
    Opened in = session.call("copy", source, share -> new Opened(share, SmbHandles.openForRead(share, from)));
    Temp temp;
    try {
      // On the same connection as the source: a server-side copy works within one session.
      temp = Temp.create(in.share(), tree, to, target);
    } catch (RuntimeException e) {
      SmbHandles.closeQuietly(in.file());
      throw session.failure(e, in.share(), "copy", target);
    }
    try {
      SmbTransfer.fromFile(in.file(), temp.file());
      temp.file().flush();
    } catch (RuntimeException e) {
      abandon(temp);
      throw session.failure(e, temp.share(), "copy", source);
    } finally {
      SmbHandles.closeQuietly(in.file());
    }
    return commit(temp, to, target, "copy");
  }

  /** Renames the source over the target, creating the target's folders; a move onto itself keeps the object. */
  public ObjectInfo move(String source, String target) {
    String from = paths.file(source);
    String to = paths.file(target);
    if (from.equals(to)) {
      return stat(source, from);
    }
    Opened moved = session.call("move", source, share -> new Opened(share, SmbHandles.openForRename(share, from)));
    Optional<String> created = Optional.empty();
    try {
      created = tree.ensureFolder(moved.share(), SmbPaths.parent(to), target, ErrorKind.CONFLICT);
      replace.replace(moved.share(), moved.file(), to, target);
    } catch (RuntimeException e) {
      SmbHandles.closeQuietly(moved.file());
      created.ifPresent(top -> tree.pruneEmptyFolders(moved.share(), SmbPaths.parent(to), top));
      throw session.failure(e, moved.share(), "move", source);
    }
    SmbHandles.closeQuietly(moved.file());
    tree.pruneEmptyFolders(moved.share(), SmbPaths.parent(from));
    return stat(target, to);
  }

  /** Deletes the key's file and the folders it leaves empty; a missing key (or a folder's name) is fine. */
  public void delete(String key) {
    String path = paths.file(key);
    session.call("delete", key, share -> {
      if (tree.deleteFile(share, path)) {
        tree.pruneEmptyFolders(share, SmbPaths.parent(path));
      }
      return null;
    });
  }

  private ObjectInfo stat(String key, String path) {
    return session.call("stat", key, share -> {
      File file = SmbHandles.openForStat(share, path);
      try {
        return SmbHandles.info(key, file);
      } finally {
        SmbHandles.closeQuietly(file);
      }
    });
  }

  /**
   * Renames the written temporary file over the target and reads its metadata through the same
   * handle (a query and a set instead of a close, an open, a query and a close), then closes it.
   */
  private ObjectInfo commit(Temp temp, String target, String key, String operation) {
    try {
      replace.replace(temp.share(), temp.file(), target, key);
    } catch (RuntimeException e) {
      abandon(temp);
      throw session.failure(e, temp.share(), operation, key);
    }
    try {
      return SmbHandles.pinnedInfo(key, temp.file());
    } catch (RuntimeException e) {
      // In place already: only the metadata is missing, which a fresh stat asks for.
      return stat(key, target);
    } finally {
      // Renamed, its time pinned: nothing is left to wait for. The close goes out without waiting for
      // its answer (a round trip less per write); a failure to close loses nothing, and the server
      // closes the handle with the connection.
      try {
        temp.file().closeNoWait();
      } catch (RuntimeException e) {
        SmbHandles.closeQuietly(temp.file());
      }
    }
  }

  /** Deletes the temporary file of a failed write and the folders the write created. */
  private void abandon(Temp temp) {
    try {
      temp.file().deleteOnClose();
      temp.file().close();
    } catch (RuntimeException e) {
      SmbHandles.closeQuietly(temp.file());
      if (SmbErrors.isConnectionLoss(e) && orphans.size() < MAX_ORPHANS) {
        orphans.add(temp);
      }
      return;
    }
    temp.createdFolder().ifPresent(top -> tree.pruneEmptyFolders(temp.share(), SmbPaths.parent(temp.path()), top));
  }

  /** Deletes the temporary files that writes cut by a lost connection left; stops at the first failure. */
  private void cleanOrphans() {
    for (Temp orphan = orphans.poll(); orphan != null; orphan = orphans.poll()) {
      Temp left = orphan;
      try {
        session.call("cleanup", left.path(), share -> {
          tree.deleteFile(share, left.path());
          left.createdFolder().ifPresent(top -> tree.pruneEmptyFolders(share, SmbPaths.parent(left.path()), top));
          return null;
        });
      } catch (StockageException e) {
        orphans.add(left);
        return;
      }
    }
  }

  /** A file opened on a share: its handle is valid on that connection only. */
  private record Opened(DiskShare share, File file) {}

  /**
   * A temporary file being written.
   *
   * @param share the share it was created on: its handle is valid on that connection only
   * @param file the open handle
   * @param path its path
   * @param createdFolder the highest folder created for it, to remove if the write fails
   */
  private record Temp(DiskShare share, File file, String path, Optional<String> createdFolder) {

    /** Creates a temporary file beside the target, creating the target's folders when missing. */
    static Temp create(DiskShare share, SmbTree tree, String target, String key) {
      String path = SmbPaths.temporaryBeside(target);
      for (int attempt = 1; ; attempt++) {
        Optional<String> created = Optional.empty();
        if (attempt > 1) {
          created = tree.ensureFolder(share, SmbPaths.parent(target), key, ErrorKind.CONFLICT);
        }
        try {
          return new Temp(share, SmbHandles.createTemporary(share, path), path, created);
        } catch (RuntimeException e) {
          // The folder is missing, or a concurrent delete pruned it since it was created.
          if (attempt == SmbTree.ATTEMPTS || !SmbErrors.is(e, NtStatus.STATUS_OBJECT_PATH_NOT_FOUND)) {
            throw e;
          }
        }
      }
    }
  }
}
