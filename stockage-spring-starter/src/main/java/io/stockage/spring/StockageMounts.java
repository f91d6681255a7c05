package io.stockage.spring;

import io.stockage.ErrorKind;
import io.stockage.Mount;
import io.stockage.MountMode;
import io.stockage.RetentionPolicy;
import io.stockage.StockageException;
import io.stockage.VersioningMode;
import io.stockage.core.StorageProviders;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.springframework.boot.convert.DurationStyle;

/**
 * The mounts the engine is built with.
 *
 * @param mounts the mounts, the default one included
 * @param retention the retention policy of each mount that sets {@code keep-last} or
 *     {@code max-age}
 */
public record StockageMounts(List<Mount> mounts, Map<String, RetentionPolicy> retention) {
  /** Copies. */
  public StockageMounts {
    mounts = List.copyOf(mounts);
    retention = Map.copyOf(retention);
  }

  /**
   * The mounts of the properties and the host's; with neither, one managed {@code fs} mount
   * {@code main} under {@code stockage.data-dir/blobs}.
   */
  static StockageMounts from(StockageProperties properties, List<Mount> hostMounts, ClassLoader loader) {
    List<Mount> mounts = new ArrayList<>(hostMounts);
    Map<String, Map<String, String>> configured = properties.mounts();
    if (configured.isEmpty() && hostMounts.isEmpty()) {
      configured = Map.of("main", Map.of("provider", "fs",
          "root", properties.dataDir().resolve("blobs").toAbsolutePath().toString()));
    }
    StorageProviders providers = StorageProviders.load(loader);
    Map<String, RetentionPolicy> retention = new HashMap<>();
    configured.forEach((name, settings) -> {
      Map<String, String> rest = new HashMap<>(settings);
      retention(name, rest.remove("keep-last"), rest.remove("max-age")).ifPresent(p -> retention.put(name, p));
      mounts.add(mount(providers, name, rest));
    });
    return new StockageMounts(mounts, retention);
  }

  private static Optional<RetentionPolicy> retention(String mount, String keepLast, String maxAge) {
    if (keepLast == null && maxAge == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(new RetentionPolicy(
          keepLast == null ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(keepLast.trim())),
          maxAge == null ? Optional.empty() : Optional.of(DurationStyle.detectAndParse(maxAge.trim()))));
    } catch (IllegalArgumentException e) {
      throw StockageException.of(ErrorKind.CONFIG_INVALID, "stockage.mounts." + mount
          + ".keep-last must be a number and .max-age a duration (30d, PT720H): " + e.getMessage());
    }
  }

  private static Mount mount(StorageProviders providers, String name, Map<String, String> settings) {
    Map<String, String> rest = new HashMap<>(settings);
    String scheme = rest.remove("provider");
    if (scheme == null) {
      throw StockageException.of(ErrorKind.CONFIG_INVALID,
          "stockage.mounts." + name + ".provider is required (fs, memory, s3, smb)");
    }
    MountMode mode = parse(MountMode.class, name, "mode", rest.remove("mode"), MountMode.MANAGED);
    VersioningMode fallback = mode == MountMode.LIVE ? VersioningMode.NONE : VersioningMode.EMULATED;
    VersioningMode versioning = parse(VersioningMode.class, name, "versioning", rest.remove("versioning"), fallback);
    String org = rest.remove("org");
    if (mode == MountMode.LIVE && (org == null || org.isBlank())) {
      throw StockageException.of(ErrorKind.CONFIG_INVALID,
          "stockage.mounts." + name + ".org is required: a live mount belongs to an organization");
    }
    return new Mount(name, providers.create(scheme, rest), mode, versioning,
        mode == MountMode.LIVE ? Optional.of(io.stockage.OrgId.of(org)) : Optional.empty());
  }

  private static <E extends Enum<E>> E parse(Class<E> type, String mount, String key, String value, E fallback) {
    if (value == null) {
      return fallback;
    }
    try {
      return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw StockageException.of(ErrorKind.CONFIG_INVALID, "stockage.mounts." + mount + "." + key + "=" + value
          + " is not one of " + java.util.Arrays.toString(type.getEnumConstants()).toLowerCase(Locale.ROOT));
    }
  }
}
