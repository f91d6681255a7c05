package io.stockage;

import java.util.Objects;

/**
 * One search result.
 *
 * @param item the item, as it is now
 * @param rank its relevance (higher is better; 0 when the query has no text)
 * @param snippet a short passage of its name or text with the matched words between
 *     {@code <mark>} and {@code </mark>}, HTML-escaped otherwise; empty when nothing matched a word
 * @param indexed what the index holds for it: the properties and keywords extracted, as
 *     {@link Search#indexed} answers them
 */
public record SearchHit(Item item, double rank, String snippet, Indexed indexed) {
  /** Validates. */
  public SearchHit {
    Objects.requireNonNull(item, "item");
    Objects.requireNonNull(snippet, "snippet");
    Objects.requireNonNull(indexed, "indexed");
  }
}
