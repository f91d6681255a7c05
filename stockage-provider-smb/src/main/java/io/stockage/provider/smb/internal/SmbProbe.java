package io.stockage.provider.smb.internal;

import com.hierynomus.msdtyp.AccessMask;
import com.hierynomus.mssmb2.SMB2CreateDisposition;
import com.hierynomus.mssmb2.SMB2CreateOptions;
import com.hierynomus.mssmb2.SMB2ShareAccess;
import com.hierynomus.smbj.share.DiskShare;
import com.hierynomus.smbj.share.File;
import io.stockage.ErrorKind;
import io.stockage.StockageException;
import java.util.EnumSet;
import java.util.Locale;
import java.util.UUID;

/**
 * What the build finds out about the share: that the root folder exists (created when missing),
 * and whether names are case-insensitive. The share's file system attributes cannot tell (Samba
 * reports case-sensitive search whatever its {@code case sensitive} setting), so a file is
 * created under a mixed-case name and opened under the lower-case one. It is created
 * delete-on-close: it is gone once closed, even if the connection drops.
 */
public final class SmbProbe {
  private SmbProbe() {}

  /** Creates the root folder and its parents when missing. */
  public static void createRoot(SmbSession session, SmbPaths paths) {
    if (paths.root().isEmpty()) {
      return;
    }
    session.call("mkdir", paths.root(), share -> {
      String folder = "";
      for (String name : paths.root().split("\\\\")) {
        folder = SmbPaths.child(folder, name);
        try {
          SmbHandles.closeFolder(SmbHandles.openFolder(share, folder));
        } catch (RuntimeException e) {
          if (!SmbErrors.isMissing(e) || SmbErrors.is(e, com.hierynomus.mserref.NtStatus.STATUS_NOT_A_DIRECTORY)) {
            throw e;
          }
          SmbHandles.closeFolder(SmbHandles.createFolder(share, folder));
        }
      }
      return null;
    });
  }

  /**
   * Whether names differing only in case name the same file under the root; false when the probe
   * cannot be written (a read-only share), as nothing is then known.
   */
  public static boolean caseInsensitive(SmbSession session, SmbPaths paths) {
    String name = SmbPaths.TEMP_PREFIX + "case-probe-" + UUID.randomUUID() + "-Aa";
    String mixed = SmbPaths.child(paths.root(), name);
    String lower = SmbPaths.child(paths.root(), name.toLowerCase(Locale.ROOT));
    try {
      return session.call("probe", paths.root(), share -> {
        File probe = share.openFile(mixed, EnumSet.of(AccessMask.FILE_READ_ATTRIBUTES, AccessMask.DELETE), null,
            SMB2ShareAccess.ALL, SMB2CreateDisposition.FILE_CREATE, EnumSet.of(SMB2CreateOptions.FILE_DELETE_ON_CLOSE));
        try {
          return opens(share, lower);
        } finally {
          SmbHandles.closeQuietly(probe);
        }
      });
    } catch (StockageException e) {
      if (e.kind() == ErrorKind.PERMISSION_DENIED) {
        return false;
      }
      throw e;
    }
  }

  private static boolean opens(DiskShare share, String path) {
    try {
      SmbHandles.openForStat(share, path).close();
      return true;
    } catch (RuntimeException e) {
      if (SmbErrors.isMissing(e)) {
        return false;
      }
      throw e;
    }
  }
}
