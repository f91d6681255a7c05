package io.stockage.spi;

import io.stockage.ItemId;
import io.stockage.OrgId;
import io.stockage.Page;
import io.stockage.PageRequest;
import io.stockage.ProjectId;
import io.stockage.UserId;
import io.stockage.TeamId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The full-text index (PostgreSQL {@code tsvector} in {@code stockage-jdbc}). Documents are
 * indexed after commit by a durable job; queries filter by the subject's access inside the index,
 * so that pages stay correct.
 */
public interface SearchIndex {

  /** Adds or replaces the indexed form of an item. */
  void index(IndexedDocument document);

  /** Removes an item from the index. */
  void remove(ItemId item);

  /** The items matching the query that the user (with those teams) may view, best first. */
  Page<SearchHit> search(OrgId org, UserId user, Set<TeamId> teams, SearchQuery query, PageRequest page);

  /**
   * What is indexed of an item.
   *
   * @param item the item
   * @param name its name (weight A)
   * @param keywords tags and extracted keywords (weight B)
   * @param text extracted text (weight C), bounded by the extraction limits
   * @param properties extracted properties (page count, dimensions, triangle count...)
   */
  record IndexedDocument(
      ItemId item, String name, List<String> keywords, String text, Map<String, String> properties) {
    /** Validates and copies. */
    public IndexedDocument {
      Objects.requireNonNull(item, "item");
      Objects.requireNonNull(name, "name");
      keywords = List.copyOf(keywords);
      Objects.requireNonNull(text, "text");
      properties = Map.copyOf(properties);
    }
  }

  /**
   * A search.
   *
   * @param text the user's query, in web-search syntax
   * @param project restrict to a project
   * @param mimeType restrict to a type
   * @param tags restrict to items carrying all these tags
   */
  record SearchQuery(String text, Optional<ProjectId> project, Optional<String> mimeType, Set<String> tags) {
    /** Validates and copies. */
    public SearchQuery {
      Objects.requireNonNull(text, "text");
      Objects.requireNonNull(project, "project");
      Objects.requireNonNull(mimeType, "mimeType");
      tags = Set.copyOf(tags);
    }
  }

  /**
   * A match.
   *
   * @param item the item
   * @param rank relevance, higher first
   * @param snippet highlighted excerpt
   */
  record SearchHit(ItemId item, double rank, String snippet) {
    /** Validates. */
    public SearchHit {
      Objects.requireNonNull(item, "item");
      Objects.requireNonNull(snippet, "snippet");
    }
  }
}
