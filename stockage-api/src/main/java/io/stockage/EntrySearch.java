package io.stockage;

import java.util.List;

/**
 * What a name search of a live mount found.
 *
 * @param entries the entries whose name contains the text, in walk order (breadth first)
 * @param truncated whether the walk stopped at its limits before seeing every entry
 */
public record EntrySearch(List<Entry> entries, boolean truncated) {
  /** Copies. */
  public EntrySearch {
    entries = List.copyOf(entries);
  }
}
