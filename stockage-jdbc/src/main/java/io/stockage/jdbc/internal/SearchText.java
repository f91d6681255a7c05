package io.stockage.jdbc.internal;

import java.text.Normalizer;
import java.util.Locale;

/** The text forms search compares: names without accents, names split into words, escaped HTML. */
final class SearchText {
  private static final java.util.Set<String> ENGLISH = java.util.Set.of("the", "and", "of", "to", "in", "is",
      "that", "for", "with", "on", "was", "as", "are", "this", "by", "it", "be", "from", "at", "which", "an", "or");
  private static final java.util.Set<String> FRENCH = java.util.Set.of("le", "la", "les", "des", "du", "de", "et",
      "une", "un", "est", "pour", "dans", "sur", "avec", "que", "qui", "au", "aux", "par", "pas", "ce", "cette");
  private static final int SAMPLE = 20_000;
  private static final java.util.regex.Pattern WORD = java.util.regex.Pattern.compile("\\p{L}+");

  private SearchText() {}

  /** The language a body is written in. */
  enum Language { ENGLISH, FRENCH, UNSURE }

  /**
   * The body's language, told by its function words in its first 20,000 characters: one language
   * when its words are at least twice the other's and there are at least eight; else unsure (short,
   * mixed, or neither), and the body is indexed in both.
   */
  static Language language(String text) {
    int en = 0;
    int fr = 0;
    java.util.regex.Matcher words = WORD.matcher(text.length() > SAMPLE ? text.substring(0, SAMPLE) : text);
    while (words.find()) {
      String word = words.group().toLowerCase(Locale.ROOT);
      if (ENGLISH.contains(word)) {
        en++;
      } else if (FRENCH.contains(word)) {
        fr++;
      }
    }
    if (en + fr < 8) {
      return Language.UNSURE;
    }
    return en >= 2 * fr ? Language.ENGLISH : fr >= 2 * en ? Language.FRENCH : Language.UNSURE;
  }

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
