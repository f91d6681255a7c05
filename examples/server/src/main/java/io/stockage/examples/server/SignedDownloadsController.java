package io.stockage.examples.server;

import io.stockage.ByteRange;
import io.stockage.Content;
import io.stockage.Stockage;
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
 * Serves the signed URLs that {@code POST /api/v1/files/{id}/download-url} answers: bearer URLs,
 * fetched without credentials (a browser, pdf.js, a WOPI client), until they expire and while
 * their issuer may still view the file. Where the file's mount can presign (S3), the answer is a
 * redirect to the provider's URL for that revision, valid one minute, so the bytes skip this
 * server; else this server streams them (ranges too). A refused URL is 403, whatever is wrong.
 */
@RestController
class SignedDownloadsController {
  private final Stockage stockage;

  SignedDownloadsController(Stockage stockage) {
    this.stockage = stockage;
  }

  @GetMapping("/api/v1/signed/{id}")
  void download(@PathVariable String id, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    // The URL exactly as it came (path and query still percent-encoded): the signature covers its text.
    String query = request.getQueryString();
    URI url = URI.create(request.getRequestURI() + (query == null ? "" : "?" + query));
    response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-store");
    Optional<URI> presigned = stockage.sharing().presignSigned(url);
    if (presigned.isPresent()) {
      response.setStatus(HttpServletResponse.SC_FOUND);
      response.setHeader(HttpHeaders.LOCATION, presigned.get().toString());
      return;
    }
    Optional<ByteRange> range = HttpRanges.parse(request.getHeader(HttpHeaders.RANGE));
    try (Content content = range.map(r -> stockage.sharing().openSigned(url, r)).orElseGet(() -> stockage.sharing().openSigned(url))) {
      Downloads.send(content, response);
    }
  }
}
