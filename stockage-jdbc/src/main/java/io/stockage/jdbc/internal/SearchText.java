package io.stockage.jdbc.internal;

import java.text.Normalizer;
import java.util.Locale;

/** The text forms search compares: names without accents, names split into words, escaped HTML. */
final class SearchText {
  private SearchText() {}

  /** Lower case, without accents (NFD, marks dropped): what partial name matches compare. */
  static String key(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
  }

  /** The name, then its words apart ({@code architecture_v2.pdf} also as {@code architecture v2 pdf}). */
  static String nameWords(String name) {
    return name + " " + name.replaceAll("[^\\p{L}\\p{N}]+", " ");
  }

  /** Text safe inside HTML. */
  static String escapeHtml(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
