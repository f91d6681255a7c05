package io.stockage.examples.server;

import io.stockage.ByteRange;
import io.stockage.Content;
import io.stockage.ErrorKind;
import io.stockage.ItemId;
import io.stockage.ShareLink;
import io.stockage.Stockage;
import io.stockage.StockageException;
import io.stockage.Subject;
import io.stockage.spring.StockageProperties;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Share links: create ({@code SHARE} on the file), revoke, and the anonymous {@code GET /s/{token}}
 * that streams the file's current content. Responses to a token are never cached
 * ({@code Cache-Control: no-store}), so a revocation holds at once, even behind a proxy.
 */
@RestController
class ShareLinksController {
  private static final long DEFAULT_TTL_SECONDS = 24 * 3600;

  private final Stockage stockage;
  private final URI publicUrl;

  ShareLinksController(Stockage stockage, StockageProperties properties) {
    this.stockage = stockage;
    this.publicUrl = properties.publicUrl();
  }

  /** {@code {"expiresInSeconds": n}} (default one day, at most 30 days) → 201 {@code {"id", "url", "expiresAt"}}. */
  @PostMapping("/api/v1/files/{id}/share-links")
  ResponseEntity<ShareLinkView> create(Subject subject, @PathVariable String id,
      @RequestBody(required = false) Map<String, Object> body) {
    Object seconds = body == null ? null : body.get("expiresInSeconds");
    if (seconds != null && !(seconds instanceof Number)) {
      throw StockageException.of(ErrorKind.INVALID_ARGUMENT, "'expiresInSeconds' must be a number");
    }
    long ttl = seconds == null ? DEFAULT_TTL_SECONDS : ((Number) seconds).longValue();
    ShareLink link = stockage.sharing().createLink(subject, ItemId.parse(id), Duration.ofSeconds(ttl));
    String base = publicUrl.toString().replaceAll("/+$", "");
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(new ShareLinkView(link.id().toString(), base + "/s/" + link.token(), link.expiresAt()));
  }

  @DeleteMapping("/api/v1/share-links/{id}")
  ResponseEntity<Void> revoke(Subject subject, @PathVariable String id) {
    stockage.sharing().revokeLink(subject, parse(id));
    return ResponseEntity.noContent().build();
  }

  /** Anonymous: whoever holds the token gets the file, read-only, with ranges. */
  @GetMapping("/s/{token}")
  void open(@PathVariable String token, HttpServletRequest request, HttpServletResponse response) throws IOException {
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    response.setHeader("Referrer-Policy", "no-referrer");
    Optional<ByteRange> range = HttpRanges.parse(request.getHeader(HttpHeaders.RANGE));
    try (Content content = range.map(r -> stockage.sharing().openLink(token, r)).orElseGet(() -> stockage.sharing().openLink(token))) {
      Downloads.send(content, response);
    }
  }

  private static UUID parse(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw StockageException.notFound("no share link " + id);
    }
  }

  /**
   * The JSON form of a new share link; its URL holds the token, shown this once.
   *
   * @param id the link's id, to revoke it
   * @param url the link
   * @param expiresAt when it stops working
   */
  record ShareLinkView(String id, String url, Instant expiresAt) {}
}
