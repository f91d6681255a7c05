package io.stockage.examples.server;

import io.stockage.ErrorKind;
import io.stockage.ItemId;
import io.stockage.Location;
import io.stockage.NewUpload;
import io.stockage.PolicyReason;
import io.stockage.Stockage;
import io.stockage.StockageException;
import io.stockage.Subject;
import io.stockage.UploadChunk;
import io.stockage.UploadId;
import io.stockage.UploadSession;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * The tus 1.0.0 protocol over {@link io.stockage.Uploads} at {@code /api/v1/uploads}: core (HEAD,
 * PATCH), creation (with upload, deferred length), termination, expiration and checksum (sha1,
 * sha256). {@code Upload-Metadata} names the target: {@code filename} and {@code project} (and
 * {@code folder}) for a new file, {@code item} for its next revision, or {@code mount} and
 * {@code path} for a file of a live mount. A finished upload of a managed file answers with its id
 * in {@code Stockage-Item}.
 */
@RestController
class UploadsController {
  private static final String VERSION = "1.0.0";
  private static final String OFFSET_STREAM = "application/offset+octet-stream";
  private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
  /** tus's "checksum mismatch". */
  private static final HttpStatusCode CHECKSUM_MISMATCH = HttpStatusCode.valueOf(460);

  private final Stockage stockage;
  private final long maxSize;

  UploadsController(Stockage stockage, io.stockage.UploadPolicy policy) {
    this.stockage = stockage;
    this.maxSize = policy.maxSize();
  }

  @RequestMapping(path = {"/api/v1/uploads", "/api/v1/uploads/{id}"}, method = RequestMethod.OPTIONS)
  ResponseEntity<Void> options() {
    return ResponseEntity.noContent()
        .header("Tus-Resumable", VERSION)
        .header("Tus-Version", VERSION)
        .header("Tus-Extension", "creation,creation-with-upload,creation-defer-length,termination,expiration,checksum")
        .header("Tus-Max-Size", Long.toString(maxSize))
        .header("Tus-Checksum-Algorithm", "sha1,sha256")
        .build();
  }

  @PostMapping("/api/v1/uploads")
  ResponseEntity<Void> create(Subject subject, HttpServletRequest request,
      @RequestHeader(name = "Tus-Resumable", required = false) String resumable,
      @RequestHeader(name = "Upload-Length", required = false) String length,
      @RequestHeader(name = "Upload-Defer-Length", required = false) String defer,
      @RequestHeader(name = "Upload-Metadata", required = false) String metadata) throws IOException {
    ResponseEntity<Void> refused = version(resumable);
    if (refused != null) {
      return refused;
    }
    Map<String, String> meta = metadata(metadata);
    NewUpload target = target(meta);
    if (length != null) {
      long declared = number(length, "Upload-Length");
      if (declared > maxSize) {
        return tus(HttpStatus.CONTENT_TOO_LARGE).build();
      }
      target = target.withLength(declared);
    } else if (!"1".equals(defer)) {
      throw StockageException.of(ErrorKind.INVALID_ARGUMENT, "Upload-Length, or Upload-Defer-Length: 1");
    }
    UploadSession session = stockage.uploads().create(subject, target);
    ResponseEntity.BodyBuilder answer = tus(HttpStatus.CREATED)
        .header("Location", "/api/v1/uploads/" + session.id())
        .header("Upload-Expires", HTTP_DATE.format(session.expiresAt()));
    if (OFFSET_STREAM.equalsIgnoreCase(request.getContentType())) {
      try {
        session = stockage.uploads().append(subject, session.id(), chunk(0, request));
      } catch (StockageException e) {
        stockage.uploads().abort(subject, session.id());
        throw e;
      }
      answer.header("Upload-Offset", Long.toString(session.offset()));
      finish(subject, session, answer);
    }
    return answer.build();
  }

  @RequestMapping(path = "/api/v1/uploads/{id}", method = RequestMethod.HEAD)
  ResponseEntity<Void> head(Subject subject, @PathVariable String id,
      @RequestHeader(name = "Tus-Resumable", required = false) String resumable) {
    ResponseEntity<Void> refused = version(resumable);
    if (refused != null) {
      return refused;
    }
    UploadSession session = stockage.uploads().status(subject, UploadId.parse(id));
    ResponseEntity.BodyBuilder answer = tus(HttpStatus.OK)
        .header("Upload-Offset", Long.toString(session.offset()))
        .header("Cache-Control", "no-store")
        .header("Upload-Expires", HTTP_DATE.format(session.expiresAt()));
    if (session.length().isPresent()) {
      answer.header("Upload-Length", Long.toString(session.length().getAsLong()));
    } else {
      answer.header("Upload-Defer-Length", "1");
    }
    session.item().ifPresent(item -> answer.header("Stockage-Item", item.toString()));
    return answer.build();
  }

  @PatchMapping("/api/v1/uploads/{id}")
  ResponseEntity<Void> patch(Subject subject, @PathVariable String id, HttpServletRequest request,
      @RequestHeader(name = "Tus-Resumable", required = false) String resumable,
      @RequestHeader(name = "Upload-Offset", required = false) String offset,
      @RequestHeader(name = "Upload-Length", required = false) String length,
      @RequestHeader(name = "Upload-Checksum", required = false) String checksum) throws IOException {
    ResponseEntity<Void> refused = version(resumable);
    if (refused != null) {
      return refused;
    }
    if (!OFFSET_STREAM.equalsIgnoreCase(request.getContentType())) {
      return tus(HttpStatus.UNSUPPORTED_MEDIA_TYPE).build();
    }
    if (offset == null) {
      throw StockageException.of(ErrorKind.INVALID_ARGUMENT, "Upload-Offset is required");
    }
    UploadId upload = UploadId.parse(id);
    if (length != null) {
      // Set once, with a deferred length; the same value again is harmless, another is refused.
      long declared = number(length, "Upload-Length");
      UploadSession before = stockage.uploads().status(subject, upload);
      if (before.length().isEmpty()) {
        stockage.uploads().declareLength(subject, upload, declared);
      } else if (before.length().getAsLong() != declared) {
        throw StockageException.of(ErrorKind.INVALID_ARGUMENT, "Upload-Length is set already, to "
            + before.length().getAsLong());
      }
    }
    UploadChunk chunk = chunk(number(offset, "Upload-Offset"), request);
    if (checksum != null) {
      String[] parts = checksum.strip().split(" ", 2);
      if (parts.length != 2 || !parts[0].toLowerCase(Locale.ROOT).matches("sha1|sha256")) {
        throw StockageException.of(ErrorKind.INVALID_ARGUMENT, "Upload-Checksum is sha1 or sha256 and a base64 digest");
      }
      chunk = chunk.withChecksum(parts[0], base64(parts[1], "Upload-Checksum"));
    }
    UploadSession session;
    try {
      session = stockage.uploads().append(subject, upload, chunk);
    } catch (StockageException e) {
      if (e.reason().filter(r -> r == PolicyReason.CHECKSUM_MISMATCH).isPresent()) {
        return ResponseEntity.status(CHECKSUM_MISMATCH).header("Tus-Resumable", VERSION).build();
      }
      throw e;
    }
    ResponseEntity.BodyBuilder answer = tus(HttpStatus.NO_CONTENT)
        .header("Upload-Offset", Long.toString(session.offset()))
        .header("Upload-Expires", HTTP_DATE.format(session.expiresAt()));
    finish(subject, session, answer);
    return answer.build();
  }

  @DeleteMapping("/api/v1/uploads/{id}")
  ResponseEntity<Void> terminate(Subject subject, @PathVariable String id,
      @RequestHeader(name = "Tus-Resumable", required = false) String resumable) {
    ResponseEntity<Void> refused = version(resumable);
    if (refused != null) {
      return refused;
    }
    stockage.uploads().abort(subject, UploadId.parse(id));
    return tus(HttpStatus.NO_CONTENT).build();
  }

  /** A finished upload's file; before, where the session stands. */
  @GetMapping("/api/v1/uploads/{id}")
  Object get(Subject subject, @PathVariable String id) {
    UploadSession session = stockage.uploads().status(subject, UploadId.parse(id));
    if (session.item().isPresent()) {
      return FileView.of(stockage.files().stat(subject, session.item().get()));
    }
    if (session.completed()) {
      return stockage.live().entry(subject, session.target().mount().orElseThrow(), session.target().path().orElseThrow());
    }
    Map<String, Object> status = new HashMap<>();
    status.put("offset", session.offset());
    status.put("length", session.length().isPresent() ? session.length().getAsLong() : null);
    status.put("expiresAt", session.expiresAt());
    return status;
  }

  // Every byte there: the file is made now, and named in the answer.
  private void finish(Subject subject, UploadSession session, ResponseEntity.BodyBuilder answer) {
    if (session.full()) {
      stockage.uploads().complete(subject, session.id()).item()
          .ifPresent(item -> answer.header("Stockage-Item", item.toString()));
    }
  }

  private static ResponseEntity<Void> version(String resumable) {
    if (!VERSION.equals(resumable)) {
      return ResponseEntity.status(HttpStatus.PRECONDITION_FAILED).header("Tus-Version", VERSION).build();
    }
    return null;
  }

  private static ResponseEntity.BodyBuilder tus(HttpStatus status) {
    return ResponseEntity.status(status).header("Tus-Resumable", VERSION);
  }

  private static NewUpload target(Map<String, String> meta) {
    if (meta.containsKey("mount")) {
      String path = meta.get("path");
      if (path == null || path.isEmpty()) {
        throw StockageException.of(ErrorKind.INVALID_ARGUMENT, "Upload-Metadata with mount names the path too");
      }
      return NewUpload.entry(meta.get("mount"), path);
    }
    if (meta.containsKey("item")) {
      return NewUpload.revision(ItemId.parse(meta.get("item")));
    }
    String name = meta.get("filename");
    String project = meta.get("project");
    if (name == null || project == null) {
      throw StockageException.of(ErrorKind.INVALID_ARGUMENT,
          "Upload-Metadata names filename and project (and folder), or item for a new revision");
    }
    String folder = meta.get("folder");
    return NewUpload.file(folder == null || folder.isEmpty() ? Location.root(project)
        : Location.of(project, ItemId.parse(folder)), name);
  }

  // "key base64,key base64,key" -> decoded values ("" for a key alone).
  private static Map<String, String> metadata(String header) {
    Map<String, String> values = new HashMap<>();
    if (header == null || header.isBlank()) {
      return values;
    }
    for (String pair : header.split(",")) {
      String[] kv = pair.strip().split(" ", 2);
      values.put(kv[0], kv.length == 2 ? new String(base64(kv[1], "Upload-Metadata"), StandardCharsets.UTF_8) : "");
    }
    return values;
  }

  private static byte[] base64(String value, String header) {
    try {
      return Base64.getDecoder().decode(value.strip());
    } catch (IllegalArgumentException e) {
      throw StockageException.of(ErrorKind.INVALID_ARGUMENT, header + " holds invalid base64");
    }
  }

  private static long number(String value, String header) {
    try {
      long n = Long.parseLong(value.strip());
      if (n >= 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // below
    }
    throw StockageException.of(ErrorKind.INVALID_ARGUMENT, header + " must be a non-negative integer");
  }

  /** The tus protocol answers 413 for an upload over a quota, as for one over the size limit. */
  @org.springframework.web.bind.annotation.ExceptionHandler(StockageException.class)
  ResponseEntity<org.springframework.http.ProblemDetail> refused(StockageException e) {
    HttpStatus status = e.kind() == ErrorKind.QUOTA_EXCEEDED ? HttpStatus.CONTENT_TOO_LARGE : Problems.status(e);
    return ResponseEntity.status(status).header("Tus-Resumable", VERSION).body(Problems.problem(e, status));
  }

  // The request's body at the offset, with its length when the client sent one (an object store then
  // streams it straight into parts).
  private static UploadChunk chunk(long offset, HttpServletRequest request) throws java.io.IOException {
    UploadChunk chunk = UploadChunk.at(offset, request.getInputStream());
    long length = request.getContentLengthLong();
    return length >= 0 ? chunk.withLength(length) : chunk;
  }
}
