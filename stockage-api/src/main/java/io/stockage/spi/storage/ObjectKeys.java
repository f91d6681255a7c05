package io.stockage.spi.storage;

import io.stockage.ErrorKind;
import io.stockage.StockageException;
import java.nio.charset.StandardCharsets;

/**
 * The key syntax every provider accepts: {@code /}-separated segments, no empty, {@code .} or
 * {@code ..} segment, no leading or trailing slash, no NUL, backslash or control character.
 * Stockage derives its keys itself; this check keeps a provider confined even when a caller
 * passes a hostile key.
 */
public final class ObjectKeys {
  private ObjectKeys() {}

  /**
   * Returns the key when it is well-formed.
   *
   * @throws StockageException {@link ErrorKind#INVALID_ARGUMENT} otherwise
   */
  public static String check(String key, int maxLength) {
    if (key.isEmpty() || key.getBytes(StandardCharsets.UTF_8).length > maxLength) {
      throw invalid(key, "empty or longer than " + maxLength + " bytes");
    }
    for (String segment : key.split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
        throw invalid(key, "empty, '.' or '..' segment");
      }
    }
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (c < 0x20 || c == 0x7f || c == '\\') {
        throw invalid(key, "control character or backslash");
      }
    }
    return key;
  }

  /**
   * Returns the prefix when it is empty or a well-formed key, optionally ending with {@code /}.
   */
  public static String checkPrefix(String prefix, int maxLength) {
    if (prefix.isEmpty()) {
      return prefix;
    }
    check(prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix, maxLength);
    return prefix;
  }

  private static StockageException invalid(String key, String why) {
    return StockageException.of(ErrorKind.INVALID_ARGUMENT, "invalid object key (" + why + "): " + key);
  }
}
