package io.stockage.core.internal;

import io.stockage.ErrorKind;
import io.stockage.StockageException;
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

  /**
   * Refuses a raw path holding a control character (NUL included) with {@code INVALID_ARGUMENT}:
   * checked before the operation is audited, since such a path can be stored nowhere.
   */
  public static void requireClean(String path) {
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        throw StockageException.of(ErrorKind.INVALID_ARGUMENT, "a path holds no control character (found U+"
            + String.format("%04X", (int) c) + ")");
      }
    }
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
