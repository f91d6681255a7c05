package io.stockage.spi.storage;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of a directory, on a provider with {@link io.stockage.Capability#DIRECTORIES}.
 *
 * @param name the entry's name within its directory
 * @param directory whether it is a directory
 * @param size size in bytes; 0 for a directory
 * @param lastModified last write time
 */
public record DirectoryEntry(String name, boolean directory, long size, Instant lastModified) {
  /** Validates. */
  public DirectoryEntry {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(lastModified, "lastModified");
  }
}
