package io.stockage.provider.smb;

import java.time.Duration;
import java.util.Objects;

/**
 * The validated configuration of an {@link SmbStorageProvider}, as {@link SmbStorageProviderBuilder}
 * builds it. Its {@link #toString()} never shows the password.
 *
 * @param host the server's host name or address
 * @param port the server's TCP port (445 by default)
 * @param domain the user's domain or workgroup; empty for a server's local users
 * @param share the share's name
 * @param path the folder inside the share that holds the objects, as {@code /}-separated names;
 *     empty for the share's root
 * @param username the user to log on as
 * @param password the user's password
 * @param encryption whether every message must be encrypted (SMB 3); the build fails when the
 *     server cannot
 * @param timeout how long to wait for a connection or an answer
 * @param pruneEmptyFolders whether deletes and moves remove the folders they leave empty (as the
 *     managed layout wants); off for a live mount, whose folders are its users' own
 */
public record SmbConfig(
    String host,
    int port,
    String domain,
    String share,
    String path,
    String username,
    String password,
    boolean encryption,
    Duration timeout,
    boolean pruneEmptyFolders) {

  /** Checks that nothing is missing; values are checked by the builder. */
  public SmbConfig {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(share, "share");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(timeout, "timeout");
  }

  /** The share's address, {@code //host:port/share/path}: no credentials. */
  public String location() {
    return "//" + host + ":" + port + "/" + share + (path.isEmpty() ? "" : "/" + path);
  }

  /** Everything but the password, which stays out of logs. */
  @Override
  public String toString() {
    return "SmbConfig[" + location() + ", user=" + (domain.isEmpty() ? "" : domain + "\\") + username
        + ", password=(redacted), encryption=" + encryption + ", timeout=" + timeout + "]";
  }
}
