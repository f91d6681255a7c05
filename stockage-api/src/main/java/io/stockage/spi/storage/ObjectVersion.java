package io.stockage.spi.storage;

import java.time.Instant;
import java.util.Objects;

/**
 * One version of a key in a backend with {@link io.stockage.Capability#NATIVE_VERSIONING}.
 *
 * @param key the key
 * @param versionId the backend's version id
 * @param size size in bytes; 0 for a delete marker
 * @param lastModified when this version was written
 * @param latest whether it is the current version
 * @param deleteMarker whether it records a delete rather than content
 */
public record ObjectVersion(
    String key, String versionId, long size, Instant lastModified, boolean latest, boolean deleteMarker) {
  /** Validates. */
  public ObjectVersion {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(versionId, "versionId");
    Objects.requireNonNull(lastModified, "lastModified");
  }
}
