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
import java.util.Map;
import java.util.Optional;
import org.apache.commons.fileupload2.core.FileItemInput;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.apache.commons.fileupload2.core.FileUploadException;
import org.apache.commons.fileupload2.core.FileUploadSizeException;
import org.apache.commons.fileupload2.jakarta.servlet6.JakartaServletFileUpload;
import org.springframework.stereotype.Component;

/**
 * Streams the one file part of a {@code multipart/form-data} request straight into an upload,
 * with Commons FileUpload's streaming API: the container never parses nor spools the body, and
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
    if (!JakartaServletFileUpload.isMultipartContent(request)) {
      throw StockageException.of(ErrorKind.INVALID_ARGUMENT, "a multipart/form-data body with a part named file is expected");
    }
    if (request.getContentLengthLong() > maxRequest) {
      response.setHeader("Connection", "close");
      throw StockageException.policy(PolicyReason.TOO_LARGE, "the request is larger than the upload limit");
    }
    try {
      JakartaServletFileUpload<?, ?> upload = new JakartaServletFileUpload<>();
      upload.setMaxSize(maxRequest);
      FileItemInputIterator parts = upload.getItemIterator(request);
      Map<String, String> fields = new HashMap<>();
      while (parts.hasNext()) {
        FileItemInput part = parts.next();
        if (part.isFormField()) {
          fields.put(part.getFieldName(), field(part));
          continue;
        }
        if (!"file".equals(part.getFieldName())) {
          throw StockageException.of(ErrorKind.INVALID_ARGUMENT, "the file part must be named file");
        }
        LastPart content = new LastPart(part.getInputStream(), parts);
        try {
          return handler.handle(Optional.ofNullable(part.getName()).orElse(""), fields, content);
        } catch (StockageException e) {
          if (!content.finished) {
            // Refused before the body was read (authorization, name, type): do not drain it.
            response.setHeader("Connection", "close");
          }
          throw e;
        }
      }
      throw StockageException.of(ErrorKind.INVALID_ARGUMENT, "the request has no part named file");
    } catch (FileUploadSizeException e) {
      response.setHeader("Connection", "close");
      throw StockageException.policy(PolicyReason.TOO_LARGE, "the request is larger than the upload limit");
    } catch (IOException e) {
      throw StockageException.of(ErrorKind.INVALID_ARGUMENT, "a malformed multipart body: " + e.getMessage());
    }
  }

  private static String field(FileItemInput part) throws IOException {
    try (InputStream in = part.getInputStream()) {
      byte[] bytes = in.readNBytes(FIELD_LIMIT + 1);
      if (bytes.length > FIELD_LIMIT) {
        throw StockageException.of(ErrorKind.INVALID_ARGUMENT, "form field " + part.getFieldName() + " is over 4 KiB");
      }
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }

  /**
   * The file part's bytes. At their end, it checks that no part follows (failing the upload
   * before it is recorded); closing it early does not drain the rest of the body.
   */
  private static final class LastPart extends FilterInputStream {
    private final FileItemInputIterator parts;
    private boolean finished;

    LastPart(InputStream in, FileItemInputIterator parts) {
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
      int n;
      try {
        n = super.read(b, off, len);
      } catch (FileUploadSizeException e) {
        throw StockageException.policy(PolicyReason.TOO_LARGE, "the request is larger than the upload limit");
      } catch (FileUploadException e) {
        throw StockageException.of(ErrorKind.INVALID_ARGUMENT, "a malformed multipart body: " + e.getMessage());
      }
      if (n < 0 && !finished) {
        finished = true;
        if (parts.hasNext()) {
          throw StockageException.of(ErrorKind.INVALID_ARGUMENT, "one file per request: a part follows the file");
        }
      }
      return n;
    }

    @Override
    public void close() {
      // Not the item's close, which would read the rest of the part: the container ends the request.
    }
  }
}
