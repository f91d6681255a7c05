package io.stockage.examples.server;

import io.stockage.ByteRange;
import io.stockage.Content;
import io.stockage.Stockage;
import io.stockage.Subject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves the HMAC-signed URLs that {@code POST /api/v1/files/{id}/download-url} answers on mounts
 * that cannot presign (the local disk). The caller authenticates like everywhere else; the URL
 * works only for the user it was issued to, until it expires, while that user can still view the
 * file. A refused URL is 403, whatever is wrong with it.
 */
@RestController
class SignedDownloadsController {
  private final Stockage stockage;

  SignedDownloadsController(Stockage stockage) {
    this.stockage = stockage;
  }

  @GetMapping("/api/v1/signed/{id}")
  void download(Subject subject, @PathVariable String id, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    // The URL exactly as it came (path and query still percent-encoded): the signature covers its text.
    String query = request.getQueryString();
    URI url = URI.create(request.getRequestURI() + (query == null ? "" : "?" + query));
    response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-store");
    Optional<ByteRange> range = HttpRanges.parse(request.getHeader(HttpHeaders.RANGE));
    try (Content content = stockage.openSigned(subject, url, range)) {
      Downloads.send(content, response);
    }
  }
}
