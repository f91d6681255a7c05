package io.stockage;

import io.stockage.spi.StorageProvider;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A named storage backend the engine stores on, with its mode and versioning.
 *
 * @param name unique name: lower-case letters, digits and dashes
 * @param provider the backend
 * @param mode managed (catalog is the source of truth) or live (the backend is)
 * @param versioning how revisions are kept
 */
public record Mount(String name, StorageProvider provider, MountMode mode, VersioningMode versioning) {
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

  /** Validates. */
  public Mount {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(versioning, "versioning");
    if (!NAME.matcher(name).matches()) {
      throw StockageException.of(ErrorKind.CONFIG_INVALID,
          "a mount name is 1 to 63 lower-case letters, digits and dashes: " + name);
    }
    if ((mode == MountMode.LIVE) != (versioning == VersioningMode.NONE)) {
      throw StockageException.of(ErrorKind.CONFIG_INVALID,
          "mount " + name + ": live mounts, and only they, have versioning NONE");
    }
  }

  /** A managed mount with emulated (content-addressed) revisions. */
  public static Mount managed(String name, StorageProvider provider) {
    return new Mount(name, provider, MountMode.MANAGED, VersioningMode.EMULATED);
  }

  /** What clients see of this mount. */
  public MountInfo info() {
    return new MountInfo(name, mode, provider.scheme(), versioning, provider.capabilities());
  }
}
