package io.stockage.examples.bench;

import com.hierynomus.msdtyp.AccessMask;
import com.hierynomus.msfscc.fileinformation.FileIdBothDirectoryInformation;
import com.hierynomus.mssmb2.SMB2CreateDisposition;
import com.hierynomus.mssmb2.SMB2ShareAccess;
import com.hierynomus.smbj.SMBClient;
import com.hierynomus.smbj.SmbConfig;
import com.hierynomus.smbj.auth.AuthenticationContext;
import com.hierynomus.smbj.connection.Connection;
import com.hierynomus.smbj.connection.NegotiatedProtocol;
import com.hierynomus.smbj.session.Session;
import com.hierynomus.smbj.share.DiskShare;
import com.hierynomus.smbj.share.File;
import io.stockage.testkit.smb.SambaFixture;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * A folder of the share through smbj called directly, the way an application without Stockage
 * would: one {@link SMBClient}, {@link Session} and {@link DiskShare}; a write opens the file under
 * its final name ({@code GENERIC_WRITE}, {@code FILE_OVERWRITE_IF}) and copies the stream into it
 * with a buffer of the provider's size; a read opens it and drains smbj's {@code getInputStream}.
 */
final class RawSmbjTarget implements SmbTarget {
  /** As the provider's {@code SmbTransfer.BUFFER}: bytes read from the caller's stream before each SMB WRITE. */
  static final int BUFFER = 1 << 20;

  private final SMBClient client;
  private final Connection connection;
  private final Session session;
  private final DiskShare share;
  private final String folder;

  private RawSmbjTarget(SMBClient client, Session session, DiskShare share, String folder) {
    this.client = client;
    this.connection = session.getConnection();
    this.session = session;
    this.share = share;
    this.folder = folder;
  }

  /**
   * Connects to the fixture's share, with smbj's settings as the provider sets them (its
   * timeout, no DFS, no encryption; smbj's default 1 MiB read and write sizes), and creates the
   * folder.
   */
  static RawSmbjTarget open(SambaFixture samba, String folder, Duration timeout) throws IOException {
    SMBClient client = new SMBClient(SmbConfig.builder().withTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
        .withDfsEnabled(false).withEncryptData(false).build());
    try {
      Connection connection = client.connect(samba.host(), samba.port());
      Session session = connection.authenticate(
          new AuthenticationContext(samba.username(), samba.password().toCharArray(), ""));
      DiskShare share = (DiskShare) session.connectShare(samba.share());
      if (!share.folderExists(folder)) {
        share.mkdir(folder);
      }
      return new RawSmbjTarget(client, session, share, folder);
    } catch (IOException | RuntimeException e) {
      client.close();
      throw e;
    }
  }

  @Override
  public boolean provider() {
    return false;
  }

  @Override
  public void write(String name, Path source, long bytes) throws IOException {
    try (InputStream in = new FileInputStream(source.toFile());
        File file = share.openFile(path(name), EnumSet.of(AccessMask.GENERIC_WRITE), null, SMB2ShareAccess.ALL,
            SMB2CreateDisposition.FILE_OVERWRITE_IF, null)) {
      byte[] buffer = new byte[BUFFER];
      long offset = 0;
      for (int n = in.readNBytes(buffer, 0, BUFFER); n > 0; n = in.readNBytes(buffer, 0, BUFFER)) {
        file.write(buffer, offset, 0, n);
        offset += n;
      }
    }
  }

  /**
   * Has the server make the file durable, as the provider does before its rename: an SMB2 FLUSH,
   * which Samba turns into an {@code fsync} under {@code strict sync = yes} (its default).
   */
  void flush(String name) {
    try (File file = share.openFile(path(name), EnumSet.of(AccessMask.GENERIC_WRITE), null, SMB2ShareAccess.ALL,
        SMB2CreateDisposition.FILE_OPEN, null)) {
      file.flush();
    }
  }

  @Override
  public long read(String name, OutputStream sink) throws IOException {
    try (File file = share.openFile(path(name), EnumSet.of(AccessMask.GENERIC_READ), null, SMB2ShareAccess.ALL,
            SMB2CreateDisposition.FILE_OPEN, null);
        InputStream in = file.getInputStream()) {
      return in.transferTo(sink);
    }
  }

  @Override
  public void delete(String name) {
    share.rm(path(name));
  }

  /**
   * What the connection negotiated, e.g. {@code SMB_3_1_1, server max read/write 8/8 MiB, every
   * message signed (AES-CMAC), not encrypted}. smbj signs every message of a session that has a
   * signing key (all SMB 3 sessions but guest ones), whether or not either side requires signing.
   */
  String protocol() throws IOException {
    NegotiatedProtocol negotiated = connection.getNegotiatedProtocol();
    boolean signed = session.getSessionContext().getSigningKey() != null;
    return String.format(Locale.ROOT, "%s, server max read/write %d/%d MiB, %s (required: %s), %s",
        negotiated.getDialect(), negotiated.getMaxReadSize() / SizePlan.MB, negotiated.getMaxWriteSize() / SizePlan.MB,
        signed ? "every message signed, " + signing(negotiated) : "messages not signed",
        session.isSigningRequired() ? "yes" : "no", session.shouldEncryptData() ? "encrypted" : "not encrypted");
  }

  private static String signing(NegotiatedProtocol negotiated) {
    return negotiated.getDialect().isSmb3x() ? "AES-CMAC" : "HMAC-SHA256";
  }

  /** The files and folders left in these folders of the share, temporary files included. */
  int leftovers(List<String> folders) {
    int left = 0;
    for (String f : folders) {
      for (FileIdBothDirectoryInformation entry : share.list(f)) {
        left += entry.getFileName().equals(".") || entry.getFileName().equals("..") ? 0 : 1;
      }
    }
    return left;
  }

  private String path(String name) {
    return folder + "\\" + name;
  }

  @Override
  public void close() {
    try {
      connection.close();
    } catch (IOException | RuntimeException e) {
      // Logging off failed: the client closes the socket below all the same.
    } finally {
      client.close();
    }
  }
}
