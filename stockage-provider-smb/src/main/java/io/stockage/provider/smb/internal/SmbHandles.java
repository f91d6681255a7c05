package io.stockage.provider.smb.internal;

import static com.hierynomus.mssmb2.SMB2CreateDisposition.FILE_CREATE;
import static com.hierynomus.mssmb2.SMB2CreateDisposition.FILE_OPEN;

import com.hierynomus.msdtyp.AccessMask;
import com.hierynomus.mserref.NtStatus;
import com.hierynomus.msfscc.fileinformation.FileAllInformation;
import com.hierynomus.msfscc.fileinformation.FileBasicInformation;
import com.hierynomus.mssmb2.SMB2ShareAccess;
import com.hierynomus.smbj.share.Directory;
import com.hierynomus.smbj.share.DiskEntry;
import com.hierynomus.smbj.share.DiskShare;
import com.hierynomus.smbj.share.File;
import io.stockage.spi.storage.ObjectInfo;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The handles the provider opens, with the access each needs and nothing more. Every handle
 * shares read, write and delete with other clients: a reader of this provider never stops
 * another client (or this provider's writer) from replacing or deleting the file.
 */
final class SmbHandles {
  private static final Set<SMB2ShareAccess> SHARED = SMB2ShareAccess.ALL;
  private static final int NOT_FOUND_ATTEMPTS = 2;

  private SmbHandles() {}

  /** A file to read, whole or a range. */
  static File openForRead(DiskShare share, String path) {
    return openExisting(share, path, EnumSet.of(AccessMask.FILE_READ_DATA, AccessMask.FILE_READ_ATTRIBUTES));
  }

  /** A file whose size and time are wanted. */
  static File openForStat(DiskShare share, String path) {
    return openExisting(share, path, EnumSet.of(AccessMask.FILE_READ_ATTRIBUTES));
  }

  /**
   * Opens an existing file to look at it, asking again when the server says there is none. Samba
   * (4.17 seen) answers {@code STATUS_OBJECT_NAME_NOT_FOUND}, now and then, to an open that races
   * a rename over the name, although the name never stops existing on its disk (about 1 read in 600
   * under a writer replacing the file in a loop): a second answer of the same is taken as the truth.
   */
  private static File openExisting(DiskShare share, String path, Set<AccessMask> access) {
    for (int attempt = 1; ; attempt++) {
      try {
        return share.openFile(path, access, null, SHARED, FILE_OPEN, null);
      } catch (RuntimeException e) {
        if (attempt == NOT_FOUND_ATTEMPTS || !SmbErrors.is(e, NtStatus.STATUS_OBJECT_NAME_NOT_FOUND)) {
          throw e;
        }
      }
    }
  }

  /**
   * A new temporary file to write, then rename ({@code DELETE} access, which a rename needs) or
   * delete on failure. Read access too: a server-side copy may read back what it wrote.
   */
  static File createTemporary(DiskShare share, String path) {
    return share.openFile(path, EnumSet.of(AccessMask.FILE_WRITE_DATA, AccessMask.FILE_READ_DATA,
        AccessMask.FILE_READ_ATTRIBUTES, AccessMask.FILE_WRITE_ATTRIBUTES, AccessMask.DELETE), null, SHARED,
        FILE_CREATE, null);
  }

  /** Opens a file to write in place: created or emptied when {@code create}, else it must exist. */
  static File openForWriteAt(DiskShare share, String path, boolean create) {
    return share.openFile(path, EnumSet.of(AccessMask.FILE_WRITE_DATA, AccessMask.FILE_READ_DATA,
        AccessMask.FILE_READ_ATTRIBUTES, AccessMask.FILE_WRITE_ATTRIBUTES), null, SHARED,
        create ? com.hierynomus.mssmb2.SMB2CreateDisposition.FILE_OVERWRITE_IF : FILE_OPEN, null);
  }

  /** A file to rename (move). */
  static File openForRename(DiskShare share, String path) {
    return share.openFile(path, EnumSet.of(AccessMask.DELETE, AccessMask.FILE_READ_ATTRIBUTES), null, SHARED,
        FILE_OPEN, null);
  }

  /** A file to delete: marked delete-on-close, it goes when the last handle on it closes. */
  static File openFileForDelete(DiskShare share, String path) {
    return share.openFile(path, EnumSet.of(AccessMask.DELETE), null, SHARED, FILE_OPEN, null);
  }

  /** A folder to delete: marked delete-on-close, which fails while it holds anything. */
  static Directory openFolderForDelete(DiskShare share, String path) {
    return share.openDirectory(path, EnumSet.of(AccessMask.DELETE, AccessMask.FILE_LIST_DIRECTORY), null, SHARED,
        FILE_OPEN, null);
  }

  /** A folder to list. */
  static Directory openFolder(DiskShare share, String path) {
    return share.openDirectory(path, EnumSet.of(AccessMask.FILE_LIST_DIRECTORY, AccessMask.FILE_READ_ATTRIBUTES),
        null, SHARED, FILE_OPEN, null);
  }

  /** A new folder; anything of that name fails with {@code STATUS_OBJECT_NAME_COLLISION}. */
  static Directory createFolder(DiskShare share, String path) {
    return share.openDirectory(path, EnumSet.of(AccessMask.FILE_LIST_DIRECTORY, AccessMask.FILE_ADD_SUBDIRECTORY),
        null, SHARED, FILE_CREATE, null);
  }

  /** The object's metadata, asked of an open handle. */
  static ObjectInfo info(String key, File file) {
    FileAllInformation all = file.getFileInformation();
    return ObjectInfo.of(key, all.getStandardInformation().getEndOfFile(),
        all.getBasicInformation().getLastWriteTime().toInstant(), Optional.empty());
  }

  /**
   * The metadata of a file just written through the handle, its write time pinned first: a server
   * may otherwise move the write time when the handle closes (Windows semantics, which Samba
   * keeps), so that a later stat would differ from what the write returned.
   */
  static ObjectInfo pinnedInfo(String key, File file) {
    FileAllInformation all = file.getFileInformation();
    FileBasicInformation basic = all.getBasicInformation();
    file.setFileInformation(new FileBasicInformation(FileBasicInformation.DONT_SET, FileBasicInformation.DONT_SET,
        basic.getLastWriteTime(), FileBasicInformation.DONT_SET, 0));
    return ObjectInfo.of(key, all.getStandardInformation().getEndOfFile(), basic.getLastWriteTime().toInstant(),
        Optional.empty());
  }

  /**
   * Closes a folder handle opened to look at the folder (not to delete it). When a concurrent
   * delete marked the folder delete-on-close and this handle is the last one, the server tries that
   * delete at this close and refuses it with {@code STATUS_DIRECTORY_NOT_EMPTY}: the folder stays,
   * and this caller, which did not ask for the delete, has nothing to fail for.
   */
  static void closeFolder(Directory folder) {
    try {
      folder.close();
    } catch (RuntimeException e) {
      if (!SmbErrors.is(e, NtStatus.STATUS_DIRECTORY_NOT_EMPTY)) {
        throw e;
      }
    }
  }

  /** Closes a handle of a failing call; a second failure would hide the first. */
  static void closeQuietly(DiskEntry entry) {
    if (entry != null) {
      try {
        entry.close();
      } catch (RuntimeException e) {
        // The call is failing already; the server closes handles of a lost connection itself.
      }
    }
  }
}
