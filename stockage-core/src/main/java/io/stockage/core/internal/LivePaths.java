package io.stockage.core.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Paths of live mounts: {@code /}-separated, relative to the mount's root (leading and repeated
 * slashes ignored), each segment a valid name (no {@code .}, {@code ..}, control characters...), so
 * a path can never leave the mount. The provider confines it again and applies its own rules
 * (Windows names on SMB).
 */
public final class LivePaths {
  private LivePaths() {}

  /** The normalized path; {@code ""} is the root. */
  public static String normalize(String path) {
    List<String> segments = new ArrayList<>();
    for (String segment : path.split("/", -1)) {
      if (!segment.isEmpty()) {
        segments.add(NameRules.normalize(segment));
      }
    }
    return String.join("/", segments);
  }

  /** The parent of a normalized path; the root's parent is the root. */
  public static String parent(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? "" : path.substring(0, slash);
  }

  /** The last segment of a normalized path. */
  public static String name(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }
}
