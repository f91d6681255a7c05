package io.stockage.examples.server;

import io.stockage.ByteRange;
import io.stockage.Content;
import io.stockage.ErrorKind;
import io.stockage.Item;
import io.stockage.ItemId;
import io.stockage.ListOrder;
import io.stockage.Location;
import io.stockage.NewContent;
import io.stockage.Stockage;
import io.stockage.StockageException;
import io.stockage.Subject;
import io.stockage.Upload;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Files: upload, list, metadata, content (ranges, ETags), new revisions, trash. */
@RestController
class FilesController {
  private final Stockage stockage;
  private final MultipartUpload multipart;

  FilesController(Stockage stockage, MultipartUpload multipart) {
    this.stockage = stockage;
    this.multipart = multipart;
  }

  @PostMapping(path = "/api/v1/projects/{slug}/files", consumes = "multipart/form-data")
  ResponseEntity<FileView> upload(Subject subject, @PathVariable String slug,
      @RequestParam(required = false) String folder, HttpServletRequest request, HttpServletResponse response) {
    // Streamed: Stockage authorizes the upload before it reads a byte of the part.
    Item item = multipart.stream(request, response, (name, fields, content) -> stockage.files().upload(subject, Upload.of(new Location(slug, Bodies.folder(folder != null ? folder : fields.get("folder"))), name,
            content)));
    return ResponseEntity.status(HttpStatus.CREATED)
        .location(java.net.URI.create("/api/v1/files/" + item.id()))
        .eTag(item.etag()).body(FileView.of(item));
  }

  /** A folder to create: its name, and the folder to create it in (the project's root when absent). */
  record NewFolderBody(String name, String parent) {}

  @PostMapping(path = "/api/v1/projects/{slug}/folders", consumes = "application/json")
  ResponseEntity<FileView> createFolder(Subject subject, @PathVariable String slug,
      @org.springframework.web.bind.annotation.RequestBody NewFolderBody body) {
    Item folder = stockage.files().createFolder(subject, new Location(slug, Bodies.folder(body.parent())), Bodies.required(body.name(), "name"));
    return ResponseEntity.status(HttpStatus.CREATED).location(java.net.URI.create("/api/v1/files/" + folder.id()))
        .body(FileView.of(folder));
  }

  /** A folder's items, folders first, by {@code sort}: {@code name} (the default), {@code newest} or {@code largest}. */
  @GetMapping("/api/v1/projects/{slug}/files")
  PageView<FileView> list(Subject subject, @PathVariable String slug, @RequestParam(required = false) String folder,
      @RequestParam(defaultValue = "name") String sort, @RequestParam(required = false) String cursor,
      @RequestParam(defaultValue = "50") int size) {
    return PageView.of(stockage.files().list(subject, new Location(slug, Bodies.folder(folder)), order(sort),
        Bodies.page(cursor, size)), FileView::of);
  }

  private static ListOrder order(String sort) {
    return switch (sort) {
      case "name" -> ListOrder.NAME;
      case "newest" -> ListOrder.NEWEST;
      case "largest" -> ListOrder.LARGEST;
      default -> throw StockageException.of(ErrorKind.INVALID_ARGUMENT, "sort is name, newest or largest");
    };
  }

  /**
   * The JSON form of a lock as others see it: who holds it and until when, never its id (whoever
   * presents the id may write through the lock).
   */
  record LockView(String owner, Instant lockedAt, Instant expiresAt) {}

  /** The lock an online editor holds on the file; 404 when there is none. */
  @GetMapping("/api/v1/files/{id}/lock")
  ResponseEntity<LockView> lock(Subject subject, @PathVariable String id) {
    return stockage.locks().get(subject, io.stockage.LockTarget.item(ItemId.parse(id)))
        .map(l -> ResponseEntity.ok(new LockView(l.owner().value(), l.lockedAt(), l.expiresAt())))
        .orElseGet(() -> ResponseEntity.notFound().build());
  }

  /** Breaks the lock on the file (organization admins: an editor that died keeps it until it expires). */
  @DeleteMapping("/api/v1/files/{id}/lock")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void breakLock(Subject subject, @PathVariable String id) {
    stockage.locks().breakLock(subject, io.stockage.LockTarget.item(ItemId.parse(id)));
  }

  /** The project's trash, the most recently trashed first (who may restore: DELETE on the project). */
  @GetMapping("/api/v1/projects/{slug}/trash")
  PageView<FileView> trash(Subject subject, @PathVariable String slug, @RequestParam(required = false) String cursor,
      @RequestParam(defaultValue = "50") int size) {
    return PageView.of(stockage.files().trashed(subject, slug, Bodies.page(cursor, size)), FileView::of);
  }

  @GetMapping("/api/v1/files/{id}")
  ResponseEntity<FileView> stat(Subject subject, @PathVariable String id) {
    Item item = stockage.files().stat(subject, ItemId.parse(id));
    return ResponseEntity.ok().eTag(item.etag()).body(FileView.of(item, stockage.search().indexed(subject, item.id())));
  }

  @GetMapping("/api/v1/files/{id}/content")
  void download(Subject subject, @PathVariable String id, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    ItemId file = ItemId.parse(id);
    String ifNoneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
    if (ifNoneMatch != null && ETags.matches(ifNoneMatch, stockage.files().stat(subject, file).etag())) {
      response.setStatus(HttpStatus.NOT_MODIFIED.value());
      return;
    }
    Optional<ByteRange> range = HttpRanges.parse(request.getHeader(HttpHeaders.RANGE));
    try (Content content = range.map(r -> stockage.files().open(subject, file, r)).orElseGet(() -> stockage.files().open(subject, file))) {
      Downloads.send(content, response);
    } catch (StockageException e) {
      if (e.kind() == ErrorKind.RANGE_NOT_SATISFIABLE) {
        response.setHeader(HttpHeaders.CONTENT_RANGE, "bytes */" + stockage.files().stat(subject, file).size());
      }
      throw e;
    }
  }

  @PutMapping("/api/v1/files/{id}/content")
  ResponseEntity<FileView> write(Subject subject, @PathVariable String id, HttpServletRequest request,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) throws IOException {
    ItemId file = ItemId.parse(id);
    NewContent content = NewContent.of(request.getInputStream());
    if (request.getContentLengthLong() >= 0) {
      content = content.withDeclaredSize(request.getContentLengthLong());
    }
    if (ifMatch != null) {
      Item current = stockage.files().stat(subject, file);
      if (!ETags.matches(ifMatch, current.etag())) {
        throw new PreconditionFailed("If-Match " + ifMatch + " does not match the current ETag \"" + current.etag() + "\"");
      }
      content = content.ifRevision(current.revision());
    }
    try {
      Item item = stockage.files().write(subject, file, content);
      return ResponseEntity.ok().eTag(item.etag()).body(FileView.of(item));
    } catch (StockageException e) {
      if (ifMatch != null && e.kind() == ErrorKind.CONFLICT) {
        throw new PreconditionFailed("the file changed while the request was processed");
      }
      throw e;
    }
  }

  /** A URL downloading the file without credentials: {@code {"expiresInSeconds": n}} (default 300). */
  @PostMapping("/api/v1/files/{id}/download-url")
  DownloadUrlView downloadUrl(Subject subject, @PathVariable String id,
      @org.springframework.web.bind.annotation.RequestBody(required = false) java.util.Map<String, Object> body) {
    Object seconds = body == null ? null : body.get("expiresInSeconds");
    long ttl = seconds instanceof Number n ? n.longValue() : 300;
    io.stockage.DownloadUrl url = stockage.sharing().downloadUrl(subject, ItemId.parse(id), java.time.Duration.ofSeconds(ttl));
    return new DownloadUrlView(url.url().toString(), url.expiresAt());
  }

  /** The JSON form of a download URL. */
  record DownloadUrlView(String url, java.time.Instant expiresAt) {}

  @DeleteMapping("/api/v1/files/{id}")
  FileView delete(Subject subject, @PathVariable String id) {
    return FileView.of(stockage.files().trash(subject, ItemId.parse(id)));
  }

  @PostMapping("/api/v1/files/{id}/restore")
  FileView restore(Subject subject, @PathVariable String id) {
    return FileView.of(stockage.files().restore(subject, ItemId.parse(id)));
  }

  /** {@code If-Match} failed: 412. */
  static final class PreconditionFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    PreconditionFailed(String message) {
      super(message);
    }
  }
}
