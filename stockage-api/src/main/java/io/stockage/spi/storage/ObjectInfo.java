package io.stockage.spi.storage;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a provider knows of a stored object.
 *
 * @param key the object's key
 * @param size size in bytes
 * @param lastModified last write time
 * @param etag the backend's entity tag, when it has one
 * @param versionId the backend's version of this content, with
 *     {@link io.stockage.Capability#NATIVE_VERSIONING}
 */
public record ObjectInfo(String key, long size, Instant lastModified, Optional<String> etag, Optional<String> versionId) {
  /** Validates. */
  public ObjectInfo {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(lastModified, "lastModified");
    Objects.requireNonNull(etag, "etag");
    Objects.requireNonNull(versionId, "versionId");
    if (size < 0) {
      throw new IllegalArgumentException("size must be >= 0");
    }
  }

  /** An object of a backend without versions. */
  public static ObjectInfo of(String key, long size, Instant lastModified, Optional<String> etag) {
    return new ObjectInfo(key, size, lastModified, etag, Optional.empty());
  }
}
