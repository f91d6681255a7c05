package io.stockage.core.internal;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A handful of distinctive terms of a text: words of four letters or more, accents kept, that
 * are not English or French function words, scored by their count in the text times the log of
 * their length (long repeated words say more about a document than short ones), the best eight
 * with at least two occurrences. Without corpus statistics this is a document-local choice;
 * the index weighs them as tags are weighed.
 */
public final class Keywords {
  /** How many keywords a document gets at most. */
  public static final int MAX = 8;

  private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}'’-]{3,}");
  private static final Set<String> STOP = Set.of(
      // English
      "that", "this", "with", "from", "have", "were", "been", "their", "there", "which", "would", "about",
      "into", "than", "then", "them", "these", "those", "will", "shall", "each", "other", "such", "only",
      "also", "over", "when", "where", "what", "your", "more", "most", "some", "very", "they", "under",
      "page", "between", "after", "before", "while", "must", "should", "could", "being", "does", "done",
      // French
      "dans", "pour", "avec", "sans", "sont", "sous", "leur", "leurs", "mais", "nous", "vous", "elle",
      "elles", "cette", "ces", "être", "avoir", "fait", "faire", "comme", "plus", "moins", "tout", "tous",
      "toute", "toutes", "entre", "selon", "dont", "ainsi", "aussi", "même", "très", "chaque", "autre",
      "autres", "avant", "après", "depuis", "lors", "donc", "alors", "était", "sera", "peut", "doit");

  private Keywords() {}

  /** The keywords of the text, best first. */
  public static List<String> of(String text) {
    Map<String, Integer> counts = new HashMap<>();
    Matcher m = WORD.matcher(text);
    while (m.find()) {
      String word = Normalizer.normalize(m.group(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
      if (!STOP.contains(word)) {
        counts.merge(word, 1, Integer::sum);
      }
    }
    return counts.entrySet().stream()
        .filter(e -> e.getValue() >= 2)
        .sorted((a, b) -> {
          int byScore = Double.compare(score(b), score(a));
          return byScore != 0 ? byScore : a.getKey().compareTo(b.getKey());
        })
        .limit(MAX)
        .map(Map.Entry::getKey)
        .toList();
  }

  private static double score(Map.Entry<String, Integer> e) {
    return e.getValue() * Math.log(e.getKey().length());
  }
}
