package io.stockage.spi.catalog;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Stored content, shared by every revision with the same bytes in the same namespace.
 *
 * @param id catalog id
 * @param mount the mount it is stored on
 * @param key its content-addressed key
 * @param sha256 hex SHA-256
 * @param size size in bytes
 * @param refCount how many revisions reference it
 * @param unreferencedSince when the count last dropped to zero
 */
public record BlobRecord(
    long id, String mount, String key, String sha256, long size, int refCount,
    Optional<Instant> unreferencedSince) {
  /** Validates. */
  public BlobRecord {
    Objects.requireNonNull(mount, "mount");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(sha256, "sha256");
    Objects.requireNonNull(unreferencedSince, "unreferencedSince");
  }
}
