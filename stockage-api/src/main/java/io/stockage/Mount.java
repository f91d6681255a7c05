package io.stockage;

import io.stockage.spi.storage.StorageProvider;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A named storage backend the engine stores on, with its mode and versioning.
 *
 * @param name unique name: lower-case letters, digits and dashes
 * @param provider the backend
 * @param mode managed (catalog is the source of truth) or live (the backend is)
 * @param versioning how revisions are kept
 * @param owner for a live mount, the organization it belongs to: its admins manage it, and no
 *     other organization sees it; managed mounts serve every organization's projects
 */
public record Mount(String name, StorageProvider provider, MountMode mode, VersioningMode versioning,
    java.util.Optional<OrgId> owner) {
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

  /** Validates. */
  public Mount {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(versioning, "versioning");
    Objects.requireNonNull(owner, "owner");
    if (!NAME.matcher(name).matches()) {
      throw StockageException.of(ErrorKind.CONFIG_INVALID,
          "a mount name is 1 to 63 lower-case letters, digits and dashes: " + name);
    }
    if ((mode == MountMode.LIVE) != (versioning == VersioningMode.NONE)) {
      throw StockageException.of(ErrorKind.CONFIG_INVALID,
          "mount " + name + ": live mounts, and only they, have versioning NONE");
    }
    if ((mode == MountMode.LIVE) != owner.isPresent()) {
      throw StockageException.of(ErrorKind.CONFIG_INVALID,
          "mount " + name + ": live mounts, and only they, belong to an organization");
    }
  }

  /** A managed mount with emulated (content-addressed) revisions. */
  public static Mount managed(String name, StorageProvider provider) {
    return managed(name, provider, VersioningMode.EMULATED);
  }

  /** A managed mount with the given versioning ({@code EMULATED} or {@code NATIVE}). */
  public static Mount managed(String name, StorageProvider provider, VersioningMode versioning) {
    return new Mount(name, provider, MountMode.MANAGED, versioning, java.util.Optional.empty());
  }

  /**
   * A live mount of an organization (an SMB share, a folder): the backend is the source of truth,
   * there is no history. The provider needs {@link Capability#DIRECTORIES}.
   */
  public static Mount live(String name, StorageProvider provider, OrgId owner) {
    return new Mount(name, provider, MountMode.LIVE, VersioningMode.NONE, java.util.Optional.of(owner));
  }

  /** What clients see of this mount. */
  public MountInfo info() {
    return new MountInfo(name, mode, provider.scheme(), versioning, provider.capabilities());
  }
}
