package io.stockage.examples.server;

import io.stockage.Content;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/** Streams content to a response with its headers: 200 or 206, never buffering it. */
final class Downloads {
  private Downloads() {}

  static void send(Content content, HttpServletResponse response) throws IOException {
    var item = content.item();
    response.setStatus(content.isPartial() ? HttpStatus.PARTIAL_CONTENT.value() : HttpStatus.OK.value());
    response.setContentType(item.mimeType());
    response.setContentLengthLong(content.slice().length());
    response.setHeader(HttpHeaders.ETAG, "\"" + item.etag() + "\"");
    response.setHeader(HttpHeaders.ACCEPT_RANGES, "bytes");
    response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
        ContentDisposition.attachment().filename(item.name(), StandardCharsets.UTF_8).build().toString());
    if (content.isPartial()) {
      response.setHeader(HttpHeaders.CONTENT_RANGE,
          "bytes " + content.slice().offset() + "-" + content.slice().last() + "/" + item.size());
    }
    content.stream().transferTo(response.getOutputStream());
  }
}
