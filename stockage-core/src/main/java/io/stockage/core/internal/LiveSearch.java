package io.stockage.core.internal;

import io.stockage.Entry;
import io.stockage.EntrySearch;
import io.stockage.ErrorKind;
import io.stockage.Mount;
import io.stockage.StockageException;
import io.stockage.spi.storage.DirectoryEntry;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;

/**
 * A name search of a live mount by walking it breadth first, through the listing cache, within
 * limits: the backend may be a large share, and only names are searchable there.
 */
final class LiveSearch {
  /** Most directories listed by one search. */
  static final int MAX_DIRECTORIES = 2_000;
  /** Most entries looked at by one search. */
  static final int MAX_ENTRIES = 50_000;

  private final Mount mount;
  private final String needle;
  private final int maxResults;
  private final BiFunction<Mount, String, List<DirectoryEntry>> lister;

  LiveSearch(Mount mount, String text, int maxResults, BiFunction<Mount, String, List<DirectoryEntry>> lister) {
    this.mount = mount;
    this.needle = text.strip().toLowerCase(Locale.ROOT);
    this.maxResults = maxResults;
    this.lister = lister;
  }

  EntrySearch walk(String start) {
    List<Entry> found = new ArrayList<>();
    Deque<String> pending = new ArrayDeque<>(List.of(start));
    int directories = 0;
    int entries = 0;
    while (!pending.isEmpty()) {
      if (found.size() >= maxResults || directories >= MAX_DIRECTORIES || entries >= MAX_ENTRIES) {
        return new EntrySearch(found, true);
      }
      String dir = pending.removeFirst();
      directories++;
      for (DirectoryEntry e : list(dir)) {
        entries++;
        if (e.directory()) {
          pending.addLast(dir.isEmpty() ? e.name() : dir + "/" + e.name());
        }
        if (found.size() < maxResults && e.name().toLowerCase(Locale.ROOT).contains(needle)) {
          found.add(LiveEntries.of(mount.name(), dir, e));
        }
      }
    }
    return new EntrySearch(found, false);
  }

  private List<DirectoryEntry> list(String dir) {
    try {
      return lister.apply(mount, dir);
    } catch (StockageException e) {
      if (e.kind() == ErrorKind.NOT_FOUND) {
        return List.of(); // Deleted on the backend while we walked.
      }
      throw e;
    }
  }
}
