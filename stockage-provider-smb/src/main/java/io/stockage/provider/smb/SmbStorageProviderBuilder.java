package io.stockage.provider.smb;

import io.stockage.ErrorKind;
import io.stockage.StockageException;
import io.stockage.provider.smb.internal.SmbPaths;
import java.time.Duration;
import java.util.Objects;

/**
 * Configures and builds an {@link SmbStorageProvider}; get one from {@link SmbStorageProvider#builder()}.
 * {@link #host(String)}, {@link #share(String)}, {@link #username(String)} and
 * {@link #password(String)} are required. Not thread-safe; the provider it builds is.
 */
public final class SmbStorageProviderBuilder {
  /** The SMB port. */
  public static final int DEFAULT_PORT = 445;

  private String host;
  private int port = DEFAULT_PORT;
  private String domain = "";
  private String share;
  private String path = "";
  private String username;
  private String password;
  private boolean encryption;
  private boolean pruneEmptyFolders = true;
  private Duration timeout = Duration.ofSeconds(30);

  SmbStorageProviderBuilder() {}

  /** The server's host name or address (required). */
  public SmbStorageProviderBuilder host(String host) {
    this.host = Objects.requireNonNull(host, "host");
    return this;
  }

  /** The server's TCP port; default 445. */
  public SmbStorageProviderBuilder port(int port) {
    this.port = port;
    return this;
  }

  /** The user's domain or workgroup; none by default (the server's local users). */
  public SmbStorageProviderBuilder domain(String domain) {
    this.domain = Objects.requireNonNull(domain, "domain");
    return this;
  }

  /** The share's name (required), without slashes: {@code documents} of {@code \\server\documents}. */
  public SmbStorageProviderBuilder share(String share) {
    this.share = Objects.requireNonNull(share, "share");
    return this;
  }

  /**
   * The folder inside the share that holds the objects, with {@code /} or {@code \} between
   * names ({@code stockage/live}); created when missing. The share's root by default.
   */
  public SmbStorageProviderBuilder path(String path) {
    this.path = Objects.requireNonNull(path, "path");
    return this;
  }

  /** The user to log on as (required). */
  public SmbStorageProviderBuilder username(String username) {
    this.username = Objects.requireNonNull(username, "username");
    return this;
  }

  /** The user's password (required); it never appears in {@code toString()} or logs. */
  public SmbStorageProviderBuilder password(String password) {
    this.password = Objects.requireNonNull(password, "password");
    return this;
  }

  /**
   * Whether every message must be encrypted (SMB 3 encryption); off by default, when messages are
   * still signed. On, the build fails with {@code CONFIG_INVALID} if the server cannot encrypt.
   */
  public SmbStorageProviderBuilder encryption(boolean encryption) {
    this.encryption = encryption;
    return this;
  }

  /**
   * Whether deletes and moves remove the folders they leave empty; on by default, off for a live
   * mount (its folders are its users' own).
   */
  public SmbStorageProviderBuilder pruneEmptyFolders(boolean prune) {
    this.pruneEmptyFolders = prune;
    return this;
  }

  /** How long to wait for a connection or for an answer before failing with {@code UNAVAILABLE}; default 30 s. */
  public SmbStorageProviderBuilder timeout(Duration timeout) {
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    return this;
  }

  /**
   * The configuration this builder holds, validated.
   *
   * @throws StockageException {@code CONFIG_INVALID} naming the missing or bad setting
   */
  public SmbConfig config() {
    if (host == null || host.isBlank() || host.contains("/") || host.contains("\\")) {
      throw invalid("host is required and may not contain '/' or '\\': " + host);
    }
    if (port < 1 || port > 65535) {
      throw invalid("port must be between 1 and 65535: " + port);
    }
    if (share == null || share.isBlank() || share.contains("/") || share.contains("\\")) {
      throw invalid("share is required and may not contain '/' or '\\': " + share);
    }
    if (username == null || username.isBlank()) {
      throw invalid("username is required");
    }
    if (password == null) {
      throw invalid("password is required");
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw invalid("timeout must be positive: " + timeout);
    }
    return new SmbConfig(host.trim(), port, domain.trim(), share.trim(), normalizedPath(), username.trim(), password,
        encryption, timeout, pruneEmptyFolders);
  }

  /**
   * Builds the provider: connects, logs on, opens the share, creates the root folder when missing
   * and finds out whether the share's names are case-insensitive.
   *
   * @throws StockageException {@code CONFIG_INVALID} for a bad setting, refused credentials, a
   *     missing share or a server that cannot encrypt when asked to; {@code UNAVAILABLE} when the
   *     server cannot be reached
   */
  public SmbStorageProvider build() {
    return SmbStorageProvider.open(config());
  }

  private String normalizedPath() {
    String p = path.trim().replace('\\', '/');
    while (p.startsWith("/")) {
      p = p.substring(1);
    }
    while (p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    if (p.isEmpty()) {
      return p;
    }
    try {
      return SmbPaths.checkFolder(p);
    } catch (StockageException e) {
      throw invalid("invalid path inside the share: " + e.detail());
    }
  }

  private static StockageException invalid(String message) {
    return StockageException.of(ErrorKind.CONFIG_INVALID, "smb: " + message);
  }
}
