package io.stockage.examples.server;

import io.stockage.ErrorKind;
import io.stockage.LockRequest;
import io.stockage.PolicyReason;
import io.stockage.Stockage;
import io.stockage.StockageException;
import io.stockage.Subject;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The WOPI host: CheckFileInfo, GetFile, PutFile and the {@code X-WOPI-Override} operations (Lock,
 * UnlockAndRelock, Unlock, RefreshLock, GetLock, RenameFile; PutRelativeFile is refused with 501 as
 * the protocol allows) over {@code stockage.files()}, {@code live()} and {@code locks()}. The access
 * token is the credential ({@link WopiTokens}); a missing, invalid or expired one is 401 (never 403:
 * Collabora retries a 403 forever), a file its user cannot see 404, every lock mismatch 409 with
 * {@code X-WOPI-Lock} (empty when unlocked) and {@code X-WOPI-LockFailureReason}. When a discovery
 * document is configured, the proof headers must verify ({@link WopiProof}), else 500.
 */
@RestController
class WopiController {
  private static final String LOCK = "X-WOPI-Lock";
  private static final String VERSION = "X-WOPI-ItemVersion";

  private final Stockage stockage;
  private final WopiHost host;

  WopiController(Stockage stockage, WopiHost host) {
    this.stockage = stockage;
    this.host = host;
  }

  /** CheckFileInfo. */
  @GetMapping(path = "/wopi/files/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Map<String, Object>> checkFileInfo(@PathVariable String id, HttpServletRequest request) {
    Caller caller = caller(id, request);
    WopiFile.Info info = caller.file().info(stockage, caller.subject());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("BaseFileName", info.name());
    body.put("OwnerId", info.owner());
    body.put("Size", info.size());
    body.put("UserId", caller.subject().user().value());
    body.put("UserFriendlyName", caller.subject().user().value());
    body.put("Version", info.version());
    body.put("LastModifiedTime", info.lastModified().toString());
    body.put("UserCanWrite", info.writable());
    body.put("ReadOnly", !info.writable());
    body.put("UserCanRename", info.writable());
    body.put("UserCanNotWriteRelative", true);
    body.put("SupportsLocks", true);
    body.put("SupportsGetLock", true);
    body.put("SupportsExtendedLockLength", true);
    body.put("SupportsUpdate", true);
    body.put("SupportsRename", true);
    return ResponseEntity.ok(body);
  }

  /** GetFile. */
  @GetMapping("/wopi/files/{id}/contents")
  ResponseEntity<StreamingResponseBody> getFile(@PathVariable String id, HttpServletRequest request,
      @RequestHeader(name = "X-WOPI-MaxExpectedSize", required = false) String maxExpected) {
    Caller caller = caller(id, request);
    WopiFile.Info info = caller.file().info(stockage, caller.subject());
    if (maxExpected != null && info.size() > parse(maxExpected)) {
      return ResponseEntity.status(HttpStatus.PRECONDITION_FAILED).build();
    }
    InputStream content = caller.file().open(stockage, caller.subject());
    StreamingResponseBody body = out -> {
      try (content) {
        content.transferTo(out);
      }
    };
    return ResponseEntity.ok().header(VERSION, info.version()).contentLength(info.size())
        .contentType(MediaType.APPLICATION_OCTET_STREAM).body(body);
  }

  /**
   * PutFile: the lock's id must be presented; an unlocked file takes content only while it is
   * empty (a new file); Collabora's timestamp, when sent, must be the file's.
   */
  @PostMapping("/wopi/files/{id}/contents")
  ResponseEntity<Object> putFile(@PathVariable String id, HttpServletRequest request,
      @RequestHeader(name = LOCK, required = false) String lock,
      @RequestHeader(name = "X-COOL-WOPI-Timestamp", required = false) String coolTimestamp) throws IOException {
    Caller caller = caller(id, request);
    Subject subject = lock == null || lock.isEmpty() ? caller.subject() : caller.subject().holding(lock);
    Optional<io.stockage.Lock> held = stockage.locks().get(caller.subject(), caller.file().lockTarget());
    WopiFile.Info info = caller.file().info(stockage, caller.subject());
    if (!info.writable()) {
      return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
    }
    if (held.isEmpty() && info.size() > 0) {
      return conflict("", "the file is not locked, and it is not empty");
    }
    if (held.isPresent() && !held.get().id().equals(lock)) {
      return conflict(held.get().id(), "the file is locked under another id");
    }
    if (coolTimestamp != null && !sameInstant(coolTimestamp, info.lastModified())) {
      return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_JSON)
          .body(Map.of("COOLStatusCode", 1010));
    }
    long length = request.getContentLengthLong();
    if (length > host.maxSize()) {
      return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).build();
    }
    String version = caller.file().write(stockage, subject, request.getInputStream(), length);
    return ResponseEntity.ok().header(VERSION, version).build();
  }

  /** The operations named by {@code X-WOPI-Override} on the file. */
  @PostMapping("/wopi/files/{id}")
  ResponseEntity<Object> override(@PathVariable String id, HttpServletRequest request,
      @RequestHeader(name = "X-WOPI-Override", required = false) String override,
      @RequestHeader(name = LOCK, required = false) String lock,
      @RequestHeader(name = "X-WOPI-OldLock", required = false) String oldLock,
      @RequestHeader(name = "X-WOPI-RequestedName", required = false) String requestedName) {
    Caller caller = caller(id, request);
    Subject subject = caller.subject();
    WopiFile file = caller.file();
    String operation = override == null ? "" : override.strip().toUpperCase(java.util.Locale.ROOT);
    switch (operation) {
      case "LOCK" -> {
        LockRequest wanted = LockRequest.of(file.lockTarget(), required(lock, LOCK));
        if (oldLock != null) {
          stockage.locks().relock(subject, wanted, oldLock);
        } else {
          stockage.locks().lock(subject, wanted);
        }
        return versioned(caller);
      }
      case "UNLOCK" -> {
        stockage.locks().unlock(subject, file.lockTarget(), required(lock, LOCK));
        return versioned(caller);
      }
      case "REFRESH_LOCK" -> {
        stockage.locks().refresh(subject, LockRequest.of(file.lockTarget(), required(lock, LOCK)));
        return ResponseEntity.ok().build();
      }
      case "GET_LOCK" -> {
        String current = stockage.locks().get(subject, file.lockTarget()).map(io.stockage.Lock::id).orElse("");
        return ResponseEntity.ok().header(LOCK, current).build();
      }
      case "RENAME_FILE" -> {
        return rename(caller, lock, required(requestedName, "X-WOPI-RequestedName"));
      }
      default -> {
        // PUT_RELATIVE, DELETE and the rest: not implemented, as the protocol lets a host answer.
        return ResponseEntity.status(HttpStatus.NOT_IMPLEMENTED).build();
      }
    }
  }

  private ResponseEntity<Object> rename(Caller caller, String lock, String requested) {
    String name = Utf7.decode(requested);
    WopiFile.Info info = caller.file().info(stockage, caller.subject());
    int dot = info.name().lastIndexOf('.');
    String extension = dot < 0 ? "" : info.name().substring(dot);
    Subject subject = lock == null || lock.isEmpty() ? caller.subject() : caller.subject().holding(lock);
    try {
      caller.file().rename(stockage, subject, name + extension);
    } catch (StockageException e) {
      if (e.kind() == ErrorKind.POLICY_VIOLATION || e.kind() == ErrorKind.ALREADY_EXISTS) {
        return ResponseEntity.badRequest().header("X-WOPI-InvalidFileNameError", e.detail()).build();
      }
      throw e;
    }
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(Map.of("Name", name));
  }

  // The version after a lock change: unchanged by it, as the protocol asks.
  private ResponseEntity<Object> versioned(Caller caller) {
    return ResponseEntity.ok().header(VERSION, caller.file().info(stockage, caller.subject()).version()).build();
  }

  /** Lock mismatches, and the library's failures in WOPI's terms. */
  @ExceptionHandler(StockageException.class)
  ResponseEntity<Object> failed(StockageException e) {
    return switch (e.kind()) {
      case LOCKED -> conflict(e.lockId().orElse(""), e.detail());
      case NOT_FOUND -> ResponseEntity.status(HttpStatus.NOT_FOUND).build();
      case PERMISSION_DENIED -> ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
      case CONFLICT, ALREADY_EXISTS -> ResponseEntity.status(HttpStatus.CONFLICT).build();
      case INVALID_ARGUMENT -> ResponseEntity.badRequest().build();
      case QUOTA_EXCEEDED -> ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).build();
      case POLICY_VIOLATION -> e.reason().filter(r -> r == PolicyReason.TOO_LARGE).isPresent()
          ? ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).build() : ResponseEntity.badRequest().build();
      default -> ResponseEntity.status(Problems.status(e)).build();
    };
  }

  /** A request whose token does not hold, or whose proof does not verify. */
  @ExceptionHandler(WopiHost.Refused.class)
  ResponseEntity<Object> refused(WopiHost.Refused e) {
    return ResponseEntity.status(e.status()).build();
  }

  private static ResponseEntity<Object> conflict(String currentLock, String reason) {
    return ResponseEntity.status(HttpStatus.CONFLICT).header(LOCK, currentLock)
        .header("X-WOPI-LockFailureReason", reason.replaceAll("[\\r\\n]", " ")).build();
  }

  /** Who calls, on which file: the token's user, the file its id names. */
  private record Caller(Subject subject, WopiFile file) {}

  private Caller caller(String id, HttpServletRequest request) {
    WopiHost.Authorized authorized = host.authorize(id, request);
    return new Caller(authorized.subject(), authorized.file());
  }

  private static String required(String value, String header) {
    if (value == null || value.isEmpty()) {
      throw StockageException.of(ErrorKind.INVALID_ARGUMENT, header + " is required");
    }
    return value;
  }

  private static long parse(String number) {
    try {
      return Long.parseLong(number.strip());
    } catch (NumberFormatException e) {
      throw StockageException.of(ErrorKind.INVALID_ARGUMENT, "not a number: " + number);
    }
  }

  private static boolean sameInstant(String text, Instant instant) {
    try {
      return Instant.parse(text.strip()).equals(instant);
    } catch (DateTimeParseException e) {
      return text.strip().equals(instant.toString());
    }
  }
}
