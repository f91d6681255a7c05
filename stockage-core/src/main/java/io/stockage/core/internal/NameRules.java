package io.stockage.core.internal;

import io.stockage.Item;
import io.stockage.PolicyReason;
import io.stockage.StockageException;
import io.stockage.UploadPolicy;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;

/**
 * The rules item names follow (DESIGN §4): NFC-normalized; not empty, {@code .} or {@code ..};
 * no {@code /}, {@code \}, NUL or control character; at most 255 UTF-8 bytes. Names are stored,
 * never used as storage keys.
 */
public final class NameRules {
  /** Longest name, in UTF-8 bytes (what most file systems accept). */
  public static final int MAX_NAME_BYTES = 255;

  private NameRules() {}

  /**
   * The NFC form of a valid name.
   *
   * @throws StockageException {@code POLICY_VIOLATION (INVALID_NAME)} otherwise
   */
  public static String normalize(String name) {
    String nfc = Normalizer.normalize(name, Normalizer.Form.NFC);
    if (nfc.isEmpty() || nfc.equals(".") || nfc.equals("..") || nfc.isBlank()) {
      throw invalid("a name cannot be empty, blank, '.' or '..'");
    }
    if (nfc.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
      throw invalid("a name is at most " + MAX_NAME_BYTES + " bytes in UTF-8");
    }
    if (!Texts.storable(nfc)) {
      throw invalid("a name cannot contain NUL or unpaired surrogate characters");
    }
    for (int i = 0; i < nfc.length(); i++) {
      char c = nfc.charAt(i);
      if (c == '/' || c == '\\' || Character.isISOControl(c)) {
        throw invalid("a name cannot contain '/', '\\' or control characters");
      }
    }
    return nfc;
  }

  /** The lower-case extension of a name with its dot ({@code .pdf}), or empty. */
  public static String extension(String name) {
    int dot = name.lastIndexOf('.');
    return dot <= 0 ? "" : name.substring(dot).toLowerCase(Locale.ROOT);
  }

  /**
   * The NFC form of a valid file name whose extension the policy allows.
   *
   * @throws StockageException {@code POLICY_VIOLATION} with reason {@code INVALID_NAME} or
   *     {@code TYPE_NOT_ALLOWED}
   */
  public static String fileName(String name, UploadPolicy policy) {
    String nfc = normalize(name);
    String ext = extension(nfc);
    if (!policy.allowedExtensions().contains(ext)) {
      throw StockageException.policy(PolicyReason.TYPE_NOT_ALLOWED,
          "files of type '" + (ext.isEmpty() ? "(none)" : ext) + "' are not allowed; allowed: "
              + String.join(" ", new java.util.TreeSet<>(policy.allowedExtensions())));
    }
    return nfc;
  }

  /**
   * The NFC form of a new name for an item (rename, copy, update): a folder's name only has to be
   * valid; a file's must also have an allowed extension, and the one it has, so that its type stays
   * what was checked when its content was stored.
   *
   * @throws StockageException {@code POLICY_VIOLATION} with reason {@code INVALID_NAME},
   *     {@code TYPE_NOT_ALLOWED} or {@code CONTENT_MISMATCH}
   */
  public static String newName(Item item, String name, UploadPolicy policy) {
    if (item.isFolder()) {
      return normalize(name);
    }
    String nfc = fileName(name, policy);
    if (!extension(nfc).equals(extension(item.name()))) {
      throw StockageException.policy(PolicyReason.CONTENT_MISMATCH,
          "a file keeps its extension " + extension(item.name()) + " when renamed or copied");
    }
    return nfc;
  }

  private static StockageException invalid(String why) {
    return StockageException.policy(PolicyReason.INVALID_NAME, why);
  }
}
