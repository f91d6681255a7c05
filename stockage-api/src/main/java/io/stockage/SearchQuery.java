package io.stockage;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A search of the managed files and folders a subject may see. Build it with {@link #of} and the
 * withers.
 *
 * @param text web-search syntax: words (all must match), {@code "exact phrase"}, {@code -exclude},
 *     {@code or}; words match in English and French, accents ignored, and a word of three or more
 *     letters also matches inside names; blank matches everything the filters let through
 * @param project only in this project (slug)
 * @param folder only below this folder (its subtree)
 * @param mount only on this mount
 * @param types only of these MIME types (any of them)
 * @param tags only with all of these tags
 * @param fields only with these custom-field values (as text)
 * @param uploadedBy only files this user created
 * @param from only changed at or after this time
 * @param to only changed before this time
 * @param sort the order
 */
public record SearchQuery(String text, Optional<String> project, Optional<ItemId> folder, Optional<String> mount,
    Set<String> types, Set<String> tags, Map<String, String> fields, Optional<UserId> uploadedBy,
    Optional<Instant> from, Optional<Instant> to, SearchSort sort) {
  /** The longest query text. */
  public static final int MAX_TEXT = 500;

  /** Validates and copies. */
  public SearchQuery {
    Objects.requireNonNull(text, "text");
    if (text.length() > MAX_TEXT) {
      throw StockageException.of(ErrorKind.INVALID_ARGUMENT, "a search text has at most " + MAX_TEXT + " characters");
    }
    Objects.requireNonNull(project, "project");
    Objects.requireNonNull(folder, "folder");
    Objects.requireNonNull(mount, "mount");
    types = Set.copyOf(types);
    tags = Set.copyOf(tags);
    fields = Map.copyOf(fields);
    Objects.requireNonNull(uploadedBy, "uploadedBy");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(sort, "sort");
  }

  /** A search of this text everywhere the subject may look, best match first. */
  public static SearchQuery of(String text) {
    return new SearchQuery(text, Optional.empty(), Optional.empty(), Optional.empty(), Set.of(), Set.of(), Map.of(),
        Optional.empty(), Optional.empty(), Optional.empty(), SearchSort.RELEVANCE);
  }

  /** This search, within a project. */
  public SearchQuery inProject(String slug) {
    return new SearchQuery(text, Optional.of(slug), folder, mount, types, tags, fields, uploadedBy, from, to, sort);
  }

  /** This search, below a folder of a project. */
  public SearchQuery below(Location location) {
    return new SearchQuery(text, Optional.of(location.project()), location.folder(), mount, types, tags, fields,
        uploadedBy, from, to, sort);
  }

  /** This search, on one mount. */
  public SearchQuery onMount(String name) {
    return new SearchQuery(text, project, folder, Optional.of(name), types, tags, fields, uploadedBy, from, to, sort);
  }

  /** This search, of these MIME types. */
  public SearchQuery ofTypes(Set<String> mimeTypes) {
    return new SearchQuery(text, project, folder, mount, mimeTypes, tags, fields, uploadedBy, from, to, sort);
  }

  /** This search, of items with all these tags. */
  public SearchQuery taggedWith(Set<String> all) {
    return new SearchQuery(text, project, folder, mount, types, all, fields, uploadedBy, from, to, sort);
  }

  /** This search, of items whose custom field has this value. */
  public SearchQuery withField(String name, String value) {
    Map<String, String> more = new java.util.HashMap<>(fields);
    more.put(name, value);
    return new SearchQuery(text, project, folder, mount, types, tags, more, uploadedBy, from, to, sort);
  }

  /** This search, of items a user created. */
  public SearchQuery uploadedBy(UserId user) {
    return new SearchQuery(text, project, folder, mount, types, tags, fields, Optional.of(user), from, to, sort);
  }

  /** This search, of items changed in {@code [start, end)}. */
  public SearchQuery changedBetween(Instant start, Instant end) {
    return new SearchQuery(text, project, folder, mount, types, tags, fields, uploadedBy, Optional.of(start),
        Optional.of(end), sort);
  }

  /** This search, in another order. */
  public SearchQuery sortedBy(SearchSort order) {
    return new SearchQuery(text, project, folder, mount, types, tags, fields, uploadedBy, from, to, order);
  }
}
