package io.stockage.examples.server;

import io.stockage.ErrorKind;
import io.stockage.ItemId;
import io.stockage.Location;
import io.stockage.SearchHit;
import io.stockage.SearchQuery;
import io.stockage.SearchResults;
import io.stockage.SearchSort;
import io.stockage.Stockage;
import io.stockage.StockageException;
import io.stockage.Subject;
import io.stockage.UserId;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Full-text search, across the subject's projects or in one, and the reindex pass. */
@RestController
class SearchController {
  private final Stockage stockage;

  SearchController(Stockage stockage) {
    this.stockage = stockage;
  }

  /** The JSON form of a hit. */
  record HitView(FileView item, double rank, String snippet) {
    static HitView of(SearchHit hit) {
      return new HitView(FileView.of(hit.item(), java.util.Optional.of(hit.indexed())), hit.rank(), hit.snippet());
    }
  }

  /** The JSON form of a page of results. */
  record ResultsView(List<HitView> items, Map<String, Map<String, Long>> facets, String next) {
    static ResultsView of(SearchResults results) {
      return new ResultsView(results.page().items().stream().map(HitView::of).toList(),
          Map.of("project", results.byProject(), "type", results.byType()), results.page().nextCursor().orElse(null));
    }
  }

  /** A reindex that was queued. */
  record ReindexView(long queued) {}

  @GetMapping("/api/v1/search")
  ResultsView search(Subject subject, @RequestParam(defaultValue = "") String q,
      @RequestParam(required = false) String project, @RequestParam(required = false) String folder,
      @RequestParam(required = false) List<String> type, @RequestParam(required = false) List<String> tag,
      @RequestParam(required = false) String uploadedBy, @RequestParam(required = false) String from,
      @RequestParam(required = false) String to, @RequestParam(defaultValue = "relevance") String sort,
      @RequestParam(required = false) String cursor, @RequestParam(defaultValue = "20") int size) {
    SearchQuery query = SearchQuery.of(q).sortedBy(sort(sort));
    if (project != null) {
      query = folder == null ? query.inProject(project) : query.below(Location.of(project, ItemId.parse(folder)));
    } else if (folder != null) {
      throw StockageException.of(ErrorKind.INVALID_ARGUMENT, "a folder filter needs its project");
    }
    if (type != null) {
      query = query.ofTypes(Set.copyOf(type));
    }
    if (tag != null) {
      query = query.taggedWith(Set.copyOf(tag));
    }
    if (uploadedBy != null) {
      query = query.uploadedBy(UserId.of(uploadedBy));
    }
    if (from != null || to != null) {
      query = query.changedBetween(from == null ? Instant.EPOCH : instant(from, "from"),
          to == null ? Instant.parse("9999-12-31T23:59:59Z") : instant(to, "to"));
    }
    return ResultsView.of(stockage.search().search(subject, query, Bodies.page(cursor, size)));
  }

  @GetMapping("/api/v1/projects/{slug}/search")
  ResultsView searchProject(Subject subject, @PathVariable String slug, @RequestParam(defaultValue = "") String q,
      @RequestParam(required = false) String folder, @RequestParam(required = false) List<String> type,
      @RequestParam(required = false) List<String> tag, @RequestParam(required = false) String uploadedBy,
      @RequestParam(required = false) String from, @RequestParam(required = false) String to,
      @RequestParam(defaultValue = "relevance") String sort, @RequestParam(required = false) String cursor,
      @RequestParam(defaultValue = "20") int size) {
    return search(subject, q, slug, folder, type, tag, uploadedBy, from, to, sort, cursor, size);
  }

  /** What search covers on each mount the caller can use: {@code CONTENT} (managed) or {@code NAMES} (live). */
  @GetMapping("/api/v1/search/coverage")
  List<io.stockage.SearchCoverage> coverage(Subject subject) {
    return stockage.search().coverage(subject);
  }

  @PostMapping("/api/v1/maintenance/reindex")
  @ResponseStatus(HttpStatus.ACCEPTED)
  ReindexView reindex(Subject subject) {
    return new ReindexView(stockage.maintenance().reindex(subject));
  }

  private static SearchSort sort(String value) {
    try {
      return SearchSort.valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw StockageException.of(ErrorKind.INVALID_ARGUMENT, "sort is relevance, newest or name, not " + value);
    }
  }

  private static Instant instant(String value, String name) {
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw StockageException.of(ErrorKind.INVALID_ARGUMENT, name + " must be an ISO-8601 instant, like 2026-01-31T00:00:00Z");
    }
  }
}
