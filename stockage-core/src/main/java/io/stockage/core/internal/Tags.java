package io.stockage.core.internal;

import io.stockage.ErrorKind;
import io.stockage.StockageException;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The rules item tags follow: trimmed, lower-cased ({@link Locale#ROOT}, so the result does not
 * depend on the server's locale) and NFC-normalized, then deduplicated; each 1 to
 * {@value #MAX_LENGTH} characters (code points) without control characters; at most
 * {@value #MAX_TAGS} per item.
 */
public final class Tags {
  /** Longest tag, in characters. */
  public static final int MAX_LENGTH = 64;
  /** Most tags an item may have. */
  public static final int MAX_TAGS = 50;

  private Tags() {}

  /**
   * The normalized, deduplicated tags.
   *
   * @throws StockageException {@code INVALID_ARGUMENT} for a tag that breaks a rule, or too many
   */
  public static Set<String> normalize(Set<String> tags) {
    Set<String> normalized = new TreeSet<>();
    for (String tag : tags) {
      normalized.add(normalize(tag));
    }
    if (normalized.size() > MAX_TAGS) {
      throw invalid("an item has at most " + MAX_TAGS + " tags, not " + normalized.size());
    }
    return Set.copyOf(normalized);
  }

  /** One normalized tag. */
  static String normalize(String raw) {
    // Lower-casing can decompose a character, so NFC comes last.
    String tag = Normalizer.normalize(raw.strip().toLowerCase(Locale.ROOT), Normalizer.Form.NFC);
    int length = Texts.length(tag);
    if (length == 0) {
      throw invalid("a tag cannot be blank");
    }
    if (length > MAX_LENGTH) {
      throw invalid("a tag is at most " + MAX_LENGTH + " characters, not " + length);
    }
    if (!Texts.storable(tag) || tag.codePoints().anyMatch(Character::isISOControl)) {
      throw invalid("a tag cannot contain control characters or unpaired surrogates");
    }
    return tag;
  }

  private static StockageException invalid(String why) {
    return StockageException.of(ErrorKind.INVALID_ARGUMENT, why);
  }
}
