package io.stockage.provider.smb.internal;

import io.stockage.PolicyReason;
import io.stockage.StockageException;
import io.stockage.spi.storage.ObjectKeys;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * Keys to paths of the share: a key's {@code /} become {@code \} under the provider's root folder,
 * so every path stays under the root ({@link ObjectKeys#check} refuses {@code ..}, empty segments
 * and backslashes). Every name must also be one Windows can hold, since other clients of the
 * share may be Windows ones; otherwise {@code POLICY_VIOLATION} with reason {@code INVALID_NAME}:
 * <ul>
 *   <li>none of {@code < > : " | ? *} (Samba refuses them too: {@code STATUS_OBJECT_NAME_INVALID});</li>
 *   <li>not a reserved device name, with or without extension: {@code CON}, {@code PRN},
 *       {@code AUX}, {@code NUL}, {@code COM1}-{@code COM9}, {@code LPT1}-{@code LPT9},
 *       {@code con.txt} (any case);</li>
 *   <li>no trailing dot or space (Windows drops them, so {@code a.} would name {@code a});</li>
 *   <li>at most 255 UTF-8 bytes (ext4 and most file systems under Samba).</li>
 * </ul>
 */
public final class SmbPaths {
  /** The longest key, in UTF-8 bytes. */
  public static final int MAX_KEY_LENGTH = 1024;
  /** Prefix of in-flight temporary files; they are never listed. */
  public static final String TEMP_PREFIX = ".stockage-tmp-";
  private static final int MAX_NAME_BYTES = 255;
  private static final String FORBIDDEN = "<>:\"|?*";
  private static final Set<String> RESERVED = Set.of("CON", "PRN", "AUX", "NUL",
      "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
      "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9");

  private final String root;

  /** Paths under the root folder, given with {@code /} between names; empty for the share's root. */
  public SmbPaths(String rootFolder) {
    this.root = rootFolder.replace('/', '\\');
  }

  /** The root folder's path in the share; empty for the share's root. */
  public String root() {
    return root;
  }

  /**
   * The path of the key's file.
   *
   * @throws StockageException {@code INVALID_ARGUMENT} for a malformed key, {@code POLICY_VIOLATION}
   *     ({@code INVALID_NAME}) for a name Windows cannot hold
   */
  public String file(String key) {
    ObjectKeys.check(key, MAX_KEY_LENGTH);
    checkNames(key);
    return under(key);
  }

  /** The path of a folder given like a key, {@code ""} being the root; checked as {@link #file} does. */
  public String folder(String path) {
    return path.isEmpty() ? root : file(path);
  }

  /**
   * Checks a folder path given with {@code /} between names, as keys are checked.
   *
   * @return the path
   */
  public static String checkFolder(String path) {
    ObjectKeys.check(path, MAX_KEY_LENGTH);
    checkNames(path);
    return path;
  }

  /** The path of a key relative to the root, which is already checked. */
  public String under(String key) {
    String relative = key.replace('/', '\\');
    return root.isEmpty() ? relative : root + "\\" + relative;
  }

  /** The folder holding a path; the share's root is {@code ""}. */
  public static String parent(String path) {
    int slash = path.lastIndexOf('\\');
    return slash < 0 ? "" : path.substring(0, slash);
  }

  /** The last name of a path. */
  public static String name(String path) {
    return path.substring(path.lastIndexOf('\\') + 1);
  }

  /** A path in a folder ({@code ""} being the share's root). */
  public static String child(String folder, String name) {
    return folder.isEmpty() ? name : folder + "\\" + name;
  }

  /** A new temporary path beside the given one, in the same folder, so that a rename replaces it. */
  public static String temporaryBeside(String path) {
    return child(parent(path), TEMP_PREFIX + UUID.randomUUID());
  }

  /** Whether a name is one of this provider's temporary files. */
  public static boolean isTemporary(String name) {
    return name.startsWith(TEMP_PREFIX);
  }

  /** Whether the path is the root folder or above it. */
  public boolean isRootOrAbove(String path) {
    return path.length() <= root.length();
  }

  /** Checks every name of a well-formed key. */
  static void checkNames(String key) {
    for (String name : key.split("/")) {
      checkName(name, key);
    }
  }

  /**
   * Checks one name against the rules Windows sets.
   *
   * @throws StockageException {@code POLICY_VIOLATION} with reason {@code INVALID_NAME}
   */
  static void checkName(String name, String key) {
    for (int i = 0; i < name.length(); i++) {
      if (FORBIDDEN.indexOf(name.charAt(i)) >= 0) {
        throw refused(key, "'" + name.charAt(i) + "' is not allowed in a name on SMB shares");
      }
    }
    char last = name.charAt(name.length() - 1);
    if (last == '.' || last == ' ') {
      throw refused(key, "a name on SMB shares may not end with a dot or a space");
    }
    int dot = name.indexOf('.');
    String base = (dot < 0 ? name : name.substring(0, dot)).stripTrailing().toUpperCase(Locale.ROOT);
    if (RESERVED.contains(base)) {
      throw refused(key, "'" + name + "' is a reserved device name on Windows");
    }
    if (name.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
      throw refused(key, "a name on SMB shares may not be longer than " + MAX_NAME_BYTES + " UTF-8 bytes");
    }
  }

  private static StockageException refused(String key, String why) {
    return StockageException.policy(PolicyReason.INVALID_NAME, why + ": " + key);
  }
}
