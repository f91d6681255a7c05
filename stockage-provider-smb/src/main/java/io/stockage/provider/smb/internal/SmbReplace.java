package io.stockage.provider.smb.internal;

import com.hierynomus.mserref.NtStatus;
import com.hierynomus.smbj.share.DiskShare;
import com.hierynomus.smbj.share.File;
import java.time.Duration;

/**
 * Renames an open file over a target path, replacing what is there, as atomically as the server
 * allows.
 *
 * <ul>
 *   <li>The rename asks the server to replace an existing file ({@code ReplaceIfExists} of
 *       {@code FileRenameInformation}); without it, SMB refuses with
 *       {@code STATUS_OBJECT_NAME_COLLISION}. Samba then does one {@code rename(2)}: atomic,
 *       readers see the old file or the new one, and one that has the old file open keeps reading
 *       it whole.</li>
 *   <li>Samba refuses ({@code STATUS_ACCESS_DENIED}) while the same connection holds the target
 *       open, and a Windows server while anyone does without sharing delete: the rename is tried
 *       again for a few seconds, then fails.</li>
 *   <li>An empty folder in the way is removed; one holding anything is {@code CONFLICT}.</li>
 *   <li>A server that answers {@code STATUS_OBJECT_NAME_COLLISION} for a file despite
 *       {@code ReplaceIfExists} gets the closest SMB allows: the old file is renamed aside, the new
 *       one renamed in, the old one deleted (and renamed back if the second rename fails). A reader
 *       may then see {@code NOT_FOUND} in between, never a partial file.</li>
 * </ul>
 */
final class SmbReplace {
  private static final Duration PATIENCE = Duration.ofSeconds(5);
  private static final int FOLDER_ATTEMPTS = 3;

  private final SmbTree tree;

  SmbReplace(SmbTree tree) {
    this.tree = tree;
  }

  /** Renames the file (opened with {@code DELETE} access) to the target path. */
  void replace(DiskShare share, File file, String target, String key) {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    int folders = 0;
    for (int attempt = 1; ; attempt++) {
      try {
        file.rename(target, true);
        return;
      } catch (RuntimeException e) {
        if (SmbErrors.is(e, NtStatus.STATUS_OBJECT_NAME_COLLISION)) {
          if (!isFolder(share, target)) {
            replaceAside(share, file, target);
            return;
          }
          if (++folders > FOLDER_ATTEMPTS) {
            throw e;
          }
          tree.removeFolderInTheWay(share, target, key);
        } else if (SmbErrors.is(e, NtStatus.STATUS_ACCESS_DENIED, NtStatus.STATUS_SHARING_VIOLATION)
            && System.nanoTime() < deadline) {
          SmbTree.pause(attempt);
        } else {
          throw e;
        }
      }
    }
  }

  /** The fallback for a server that will not replace: old file aside, new file in, old file deleted. */
  void replaceAside(DiskShare share, File file, String target) {
    String aside = SmbPaths.temporaryBeside(target);
    rename(share, target, aside);
    try {
      file.rename(target, false);
    } catch (RuntimeException e) {
      try {
        rename(share, aside, target);
      } catch (RuntimeException again) {
        e.addSuppressed(again);
      }
      throw e;
    }
    try {
      tree.deleteFile(share, aside);
    } catch (RuntimeException e) {
      // The old content stays under a temporary name, which is never listed; the write succeeded.
    }
  }

  private static void rename(DiskShare share, String from, String to) {
    File old = SmbHandles.openForRename(share, from);
    try {
      old.rename(to, false);
    } finally {
      SmbHandles.closeQuietly(old);
    }
  }

  private static boolean isFolder(DiskShare share, String path) {
    try {
      SmbHandles.closeFolder(SmbHandles.openFolder(share, path));
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }
}
