package io.stockage;

/**
 * Full-text search of the managed mounts ({@link Stockage#search()}), on PostgreSQL. Files are
 * indexed after their change commits, by a durable job (name, tags, custom fields, extracted text
 * and properties, keywords): a file is found within a second or two of its upload. Live mounts
 * keep their name search ({@link LiveMounts#search}).
 */
public interface Search {

  /**
   * The items matching the query that the subject may see now ({@link Permission#VIEW}), filtered
   * in the database as listings are, so every page is full and exact; trashed items never match.
   *
   * @throws StockageException {@code INVALID_ARGUMENT} for a cursor of another listing or a text
   *     over {@link SearchQuery#MAX_TEXT}; {@code NOT_FOUND} for a project or folder filter the
   *     subject cannot see
   */
  SearchResults search(Subject subject, SearchQuery query, PageRequest page);

  /**
   * What the index holds for an item (extracted properties, keywords, the extraction's error);
   * empty until its first index job ran. Needs {@link Permission#VIEW}.
   */
  java.util.Optional<Indexed> indexed(Subject subject, ItemId item);

  /**
   * What search covers on each mount the subject can use, by name: the content of managed mounts'
   * files ({@link SearchCoverage.Scope#CONTENT}), the names of live mounts' files
   * ({@link SearchCoverage.Scope#NAMES}).
   */
  java.util.List<SearchCoverage> coverage(Subject subject);
}
