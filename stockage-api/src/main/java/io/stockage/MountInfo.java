package io.stockage;

import java.util.Objects;

/**
 * A mount as clients see it.
 *
 * @param name unique name
 * @param mode managed or live
 * @param provider the provider's scheme ({@code fs}, {@code memory}, {@code s3}, {@code smb})
 * @param versioning how revisions are kept
 * @param capabilities what the mount can do
 */
public record MountInfo(
    String name, MountMode mode, String provider, VersioningMode versioning, Capabilities capabilities) {
  /** Validates. */
  public MountInfo {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(versioning, "versioning");
    Objects.requireNonNull(capabilities, "capabilities");
  }
}
