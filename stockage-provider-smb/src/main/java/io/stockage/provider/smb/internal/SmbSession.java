package io.stockage.provider.smb.internal;

import com.hierynomus.smbj.SMBClient;
import com.hierynomus.smbj.auth.AuthenticationContext;
import com.hierynomus.smbj.connection.Connection;
import com.hierynomus.smbj.session.Session;
import com.hierynomus.smbj.share.DiskShare;
import com.hierynomus.smbj.share.Share;
import io.stockage.ErrorKind;
import io.stockage.StockageException;
import io.stockage.provider.smb.SmbConfig;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * One connection to the server, logged on and connected to the share, kept for every call and
 * opened again when it is lost: a call made after the server came back reconnects, without a new
 * provider. Each session has its own {@link SMBClient}, which would otherwise hand out one cached
 * connection per server. Thread-safe: calls share the connection (SMB multiplexes them).
 */
public final class SmbSession implements AutoCloseable {
  private final SmbConfig config;
  private final SMBClient client;
  private Connection connection;
  private DiskShare share;
  private boolean closed;

  /** A session for the configuration, not yet connected. */
  public SmbSession(SmbConfig config) {
    this.config = config;
    this.client = new SMBClient(com.hierynomus.smbj.SmbConfig.builder()
        .withTimeout(config.timeout().toMillis(), TimeUnit.MILLISECONDS)
        .withSocketFactory(new ConnectTimeoutSocketFactory((int) Math.min(Integer.MAX_VALUE, config.timeout().toMillis())))
        .withEncryptData(config.encryption())
        .withDfsEnabled(false)
        .build());
  }

  /**
   * Runs a call on the share, connecting first when there is no live connection. A call that finds
   * the connection dead (the server restarted since the last call) runs once more on a new one;
   * so the call must not have done anything the server could have seen but its first request.
   *
   * @param operation what the call does, for messages ({@code stat}, {@code write}...)
   * @param target the key or folder, for messages
   * @throws StockageException mapped from smbj's failure by {@link SmbErrors}
   */
  public <T> T call(String operation, String target, Function<DiskShare, T> call) {
    for (int attempt = 1; ; attempt++) {
      DiskShare current;
      boolean fresh;
      synchronized (this) {
        // smbj closes the share when the connection fails, but may still call the connection connected.
        fresh = share == null || !share.isConnected() || !connection.isConnected();
        current = fresh ? connect(operation, target) : share;
      }
      try {
        return call.apply(current);
      } catch (RuntimeException e) {
        if (!(e instanceof StockageException) && SmbErrors.isConnectionLoss(e)) {
          drop(current);
          if (!fresh && attempt == 1) {
            continue;
          }
        }
        throw SmbErrors.map(e, operation, target);
      }
    }
  }

  /**
   * The exception to throw for a failure of a later step of a call (on a handle it opened): mapped
   * by {@link SmbErrors}, and the connection dropped when it is lost.
   */
  public StockageException failure(RuntimeException e, DiskShare on, String operation, String target) {
    if (!(e instanceof StockageException) && SmbErrors.isConnectionLoss(e)) {
      drop(on);
    }
    return SmbErrors.map(e, operation, target);
  }

  /** Connects now: the build checks the configuration this way. */
  public void connect() {
    call("connect", config.location(), s -> s);
  }

  private DiskShare connect(String operation, String target) {
    if (closed) {
      throw new IllegalStateException("the SMB provider is closed");
    }
    forceClose(connection);
    connection = null;
    share = null;
    Connection opened = null;
    try {
      opened = client.connect(config.host(), config.port());
      Session session = opened.authenticate(
          new AuthenticationContext(config.username(), config.password().toCharArray(), config.domain()));
      Share connected = session.connectShare(config.share());
      if (!(connected instanceof DiskShare disk)) {
        connected.close();
        throw StockageException.of(ErrorKind.CONFIG_INVALID, "smb: " + config.share() + " is not a disk share");
      }
      if (config.encryption() && !session.shouldEncryptData()) {
        throw StockageException.of(ErrorKind.CONFIG_INVALID,
            "smb: encryption was asked for, but " + config.location() + " does not encrypt (it needs SMB 3 with encryption)");
      }
      connection = opened;
      share = disk;
      return disk;
    } catch (IOException | RuntimeException e) {
      forceClose(opened);
      throw SmbErrors.map(e, operation, target);
    }
  }

  /** Forgets the connection the share belongs to, if it is still the current one, and closes it. */
  private synchronized void drop(DiskShare broken) {
    if (share == broken && share != null) {
      forceClose(connection);
      share = null;
      connection = null;
    }
  }

  private static void forceClose(Connection c) {
    if (c != null) {
      try {
        // Forced: no log-off on a connection that may be dead; the client forgets it.
        c.close(true);
      } catch (IOException | RuntimeException e) {
        // Already broken.
      }
    }
  }

  /** Logs off and closes the connection; the session is unusable afterwards. */
  @Override
  public synchronized void close() {
    closed = true;
    if (connection != null) {
      try {
        share.close();
        connection.close();
      } catch (IOException | RuntimeException e) {
        forceClose(connection);
      }
    }
    share = null;
    connection = null;
    client.close();
  }
}
