package io.stockage;

import java.time.Instant;
import java.util.Objects;

/**
 * A file or directory of a live mount, as the backend shows it now. Entries are addressed by
 * (mount, path); a rename made outside Stockage changes the path.
 *
 * @param mount the live mount
 * @param path its path from the mount's root, {@code /}-separated, without leading slash
 * @param name its last segment
 * @param directory whether it is a directory
 * @param size size in bytes; 0 for a directory
 * @param lastModified last write time on the backend
 * @param version changes whenever the content changes: a hash of the modification time and size
 */
public record Entry(
    String mount, String path, String name, boolean directory, long size, Instant lastModified, String version) {
  /** Validates. */
  public Entry {
    Objects.requireNonNull(mount, "mount");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(lastModified, "lastModified");
    Objects.requireNonNull(version, "version");
  }
}
