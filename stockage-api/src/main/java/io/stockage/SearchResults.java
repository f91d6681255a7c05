package io.stockage;

import java.util.Map;
import java.util.Objects;

/**
 * A page of search results, with facet counts over every match the subject may see (not only
 * this page).
 *
 * @param page the hits of this page, and the cursor of the next
 * @param byProject the number of matches per project slug
 * @param byType the number of matches per MIME type
 */
public record SearchResults(Page<SearchHit> page, Map<String, Long> byProject, Map<String, Long> byType) {
  /** Validates and copies. */
  public SearchResults {
    Objects.requireNonNull(page, "page");
    byProject = Map.copyOf(byProject);
    byType = Map.copyOf(byType);
  }
}
