package io.stockage.examples.server;

import io.stockage.ByteRange;
import io.stockage.Content;
import io.stockage.Diff;
import io.stockage.ErrorKind;
import io.stockage.ItemId;
import io.stockage.Revision;
import io.stockage.Stockage;
import io.stockage.StockageException;
import io.stockage.Subject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A file's history: revisions, their content, restore, delete, and diffs. */
@RestController
class RevisionsController {
  private final Stockage stockage;

  RevisionsController(Stockage stockage) {
    this.stockage = stockage;
  }

  /** The JSON form of a revision. */
  record RevisionView(int revision, long size, String sha256, String mimeType, Instant createdAt, String author,
      Integer restoredFrom, String comment, java.util.Map<String, String> properties) {
    static RevisionView of(Revision r) {
      return new RevisionView(r.number(), r.size(), r.sha256(), r.mimeType(), r.createdAt(), r.author().value(),
          r.restoredFrom().isPresent() ? r.restoredFrom().getAsInt() : null, r.comment().orElse(null), r.properties());
    }
  }

  /** The JSON form of a revision list page. */
  record RevisionPage(List<RevisionView> items, String next) {}

  @GetMapping("/api/v1/files/{id}/revisions")
  RevisionPage list(Subject subject, @PathVariable String id, @RequestParam(required = false) String cursor,
      @RequestParam(defaultValue = "50") int size) {
    var revisions = stockage.revisions().list(subject, ItemId.parse(id), Bodies.page(cursor, size));
    return new RevisionPage(revisions.items().stream().map(RevisionView::of).toList(),
        revisions.nextCursor().orElse(null));
  }

  @GetMapping("/api/v1/files/{id}/revisions/{n}/content")
  void content(Subject subject, @PathVariable String id, @PathVariable int n, HttpServletRequest request,
      HttpServletResponse response) throws IOException {
    Optional<ByteRange> range = HttpRanges.parse(request.getHeader(HttpHeaders.RANGE));
    try (Content content = range.map(r -> stockage.revisions().open(subject, ItemId.parse(id), n, r)).orElseGet(() -> stockage.revisions().open(subject, ItemId.parse(id), n))) {
      Downloads.send(content, response);
    }
  }

  /**
   * A revision's thumbnail (PNG), cached by the browser for a day (a revision never changes);
   * 404 without a body while the indexing worker has not made it, or for a type that has none.
   */
  @GetMapping("/api/v1/files/{id}/revisions/{n}/thumbnail")
  ResponseEntity<byte[]> thumbnail(Subject subject, @PathVariable String id, @PathVariable int n) {
    return stockage.revisions().thumbnail(subject, ItemId.parse(id), n)
        .map(png -> ResponseEntity.ok().contentType(MediaType.IMAGE_PNG)
            .header(HttpHeaders.CACHE_CONTROL, "private, max-age=86400, immutable").body(png))
        .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).header(HttpHeaders.CACHE_CONTROL, "no-store")
            .build());
  }

  @PostMapping("/api/v1/files/{id}/revisions/{n}/restore")
  FileView restore(Subject subject, @PathVariable String id, @PathVariable int n) {
    return FileView.of(stockage.revisions().restore(subject, ItemId.parse(id), n));
  }

  @DeleteMapping("/api/v1/files/{id}/revisions/{n}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void delete(Subject subject, @PathVariable String id, @PathVariable int n) {
    stockage.revisions().delete(subject, ItemId.parse(id), n);
  }

  /** JSON hunks and property changes; a unified diff ({@code text/x-diff}) when the client asks for it. */
  @GetMapping("/api/v1/files/{id}/diff")
  ResponseEntity<?> diff(Subject subject, @PathVariable String id, @RequestParam int from, @RequestParam int to,
      @org.springframework.web.bind.annotation.RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
    if (from < 1 || to < 1) {
      throw StockageException.of(ErrorKind.INVALID_ARGUMENT, "'from' and 'to' are revision numbers, from 1");
    }
    ItemId file = ItemId.parse(id);
    Diff diff = stockage.revisions().diff(subject, file, from, to);
    if (accept != null && accept.contains("text/x-diff")) {
      String name = stockage.files().stat(subject, file).name();
      return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/x-diff;charset=UTF-8"))
          .body(diff.unified(name));
    }
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(diff);
  }
}
