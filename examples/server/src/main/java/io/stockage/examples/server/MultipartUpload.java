package io.stockage.examples.server;

import io.stockage.ErrorKind;
import io.stockage.PolicyReason;
import io.stockage.StockageException;
import io.stockage.UploadPolicy;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.http.MultiPart;
import org.springframework.stereotype.Component;

/**
 * Streams the one file part of a {@code multipart/form-data} request straight into an upload,
 * parsed by {@link FormParts} as it is read: the container never parses nor spools the body, and
 * the part's bytes are read only by the upload, which Stockage authorizes before it reads any. A
 * request is capped at the upload policy's size plus {@link #MARGIN} (the multipart framing):
 * a declared length above it is refused before anything is read, an actual one while it arrives.
 * Form fields may precede the file part (4 KiB each at most); any part after it is refused, and
 * then nothing is stored. When an upload is refused before its body was read, the connection is
 * closed rather than drained.
 */
@Component
class MultipartUpload {
  /** What the multipart framing and the form fields may add to the file's size. */
  static final long MARGIN = 64 * 1024;
  private static final int FIELD_LIMIT = 4096;

  private final long maxRequest;

  MultipartUpload(UploadPolicy policy) {
    this.maxRequest = policy.maxSize() + MARGIN;
  }

  /** What a handler gets: the file's name, the form fields before it, and its bytes. */
  @FunctionalInterface
  interface Handler<T> {
    T handle(String fileName, Map<String, String> fields, InputStream content);
  }

  /** Runs the handler on the request's file part (named {@code file}). */
  <T> T stream(HttpServletRequest request, HttpServletResponse response, Handler<T> handler) {
    String contentType = request.getContentType();
    String boundary = contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")
        ? null : MultiPart.extractBoundary(contentType);
    if (boundary == null || boundary.isEmpty()) {
      throw StockageException.of(ErrorKind.INVALID_ARGUMENT, "a multipart/form-data body with a part named file is expected");
    }
    if (request.getContentLengthLong() > maxRequest) {
      response.setHeader("Connection", "close");
      throw StockageException.policy(PolicyReason.TOO_LARGE, "the request is larger than the upload limit");
    }
    try {
      FormParts parts = new FormParts(request.getInputStream(), boundary, maxRequest);
      Map<String, String> fields = new HashMap<>();
      for (Optional<FormParts.Part> next = parts.next(); next.isPresent(); next = parts.next()) {
        FormParts.Part part = next.get();
        if (part.fileName().isEmpty()) {
          fields.put(part.name(), field(part, parts.content()));
          continue;
        }
        if (!"file".equals(part.name())) {
          throw StockageException.of(ErrorKind.INVALID_ARGUMENT, "the file part must be named file");
        }
        LastPart content = new LastPart(parts.content(), parts);
        try {
          return handler.handle(part.fileName().get(), fields, content);
        } catch (StockageException e) {
          if (!content.finished) {
            // Refused before the body was read (authorization, name, type): do not drain it.
            response.setHeader("Connection", "close");
          }
          throw e;
        }
      }
      throw StockageException.of(ErrorKind.INVALID_ARGUMENT, "the request has no part named file");
    } catch (StockageException e) {
      if (e.kind() == ErrorKind.POLICY_VIOLATION) {
        response.setHeader("Connection", "close");
      }
      throw e;
    } catch (IOException e) {
      throw StockageException.of(ErrorKind.INVALID_ARGUMENT, "the request body could not be read: " + e.getMessage());
    }
  }

  private static String field(FormParts.Part part, InputStream in) throws IOException {
    byte[] bytes = in.readNBytes(FIELD_LIMIT + 1);
    if (bytes.length > FIELD_LIMIT) {
      throw StockageException.of(ErrorKind.INVALID_ARGUMENT, "form field " + part.name() + " is over 4 KiB");
    }
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /**
   * The file part's bytes. At their end, it checks that no part follows (failing the upload
   * before it is recorded); closing it early does not drain the rest of the body.
   */
  private static final class LastPart extends FilterInputStream {
    private final FormParts parts;
    private boolean finished;

    LastPart(InputStream in, FormParts parts) {
      super(in);
      this.parts = parts;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n < 0 && !finished) {
        finished = true;
        if (parts.next().isPresent()) {
          throw StockageException.of(ErrorKind.INVALID_ARGUMENT, "one file per request: a part follows the file");
        }
      }
      return n;
    }

    @Override
    public void close() {
      // The rest of the body is not drained: the container ends the request.
    }
  }
}
