package io.stockage.spi;

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
 */
public record ObjectInfo(String key, long size, Instant lastModified, Optional<String> etag) {
  /** Validates. */
  public ObjectInfo {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(lastModified, "lastModified");
    Objects.requireNonNull(etag, "etag");
    if (size < 0) {
      throw new IllegalArgumentException("size must be >= 0");
    }
  }
}
