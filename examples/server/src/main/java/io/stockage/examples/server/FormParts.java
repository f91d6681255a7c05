package io.stockage.examples.server;

import io.stockage.ErrorKind;
import io.stockage.PolicyReason;
import io.stockage.StockageException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Optional;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.MultiPart;
import org.eclipse.jetty.io.Content;

/**
 * The parts of a {@code multipart/form-data} body, pulled one after the other as the body is read:
 * Jetty's {@link MultiPart.Parser} finds the boundaries (a Boyer-Moore-Horspool search, where
 * Commons FileUpload compares every byte: that search was most of an upload's CPU) and this
 * listener queues what it reports until the caller reads it. The body is read into one buffer,
 * refilled only when everything parsed from it was consumed, so part content is never copied.
 * More than {@code maxBytes} of body fails with {@code POLICY_VIOLATION (TOO_LARGE)}.
 */
final class FormParts extends MultiPart.AbstractPartsListener {
  private static final int BUFFER = 64 * 1024;
  private static final int MAX_PARTS = 64;
  private static final Object END = new Object();
  private static final Object COMPLETE = new Object();

  private final InputStream body;
  private final long maxBytes;
  private final MultiPart.Parser parser;
  private final byte[] buffer = new byte[BUFFER];
  private final ArrayDeque<Object> events = new ArrayDeque<>();
  private long read;
  private boolean ended;
  private Throwable failure;

  /** A part's name and, for a file, its file name. */
  record Part(String name, Optional<String> fileName) {}

  FormParts(InputStream body, String boundary, long maxBytes) {
    this.body = body;
    this.maxBytes = maxBytes;
    this.parser = new MultiPart.Parser(boundary, this);
    parser.setMaxParts(MAX_PARTS);
  }

  /** The next part's headers (its content follows through {@link #content}), or empty at the body's end. */
  Optional<Part> next() throws IOException {
    while (true) {
      Object event = take();
      if (event == COMPLETE) {
        return Optional.empty();
      }
      if (event instanceof Part part) {
        return Optional.of(part);
      }
      // The unread content of the previous part, or its end.
    }
  }

  /** The content of the part {@link #next} returned; it ends at the part's end. */
  InputStream content() {
    return new InputStream() {
      private boolean done;

      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        java.util.Objects.checkFromIndexSize(off, len, b.length);
        if (done) {
          return -1;
        }
        if (len == 0) {
          return 0;
        }
        Object event = peek();
        if (event instanceof ByteBuffer bytes) {
          int n = Math.min(len, bytes.remaining());
          bytes.get(b, off, n);
          if (!bytes.hasRemaining()) {
            events.poll();
          }
          return n;
        }
        if (event == END) {
          events.poll();
        }
        done = true;
        return -1;
      }
    };
  }

  private Object take() throws IOException {
    Object event = peek();
    events.poll();
    return event;
  }

  // The next event, parsing more of the body when none is queued.
  private Object peek() throws IOException {
    while (events.isEmpty()) {
      if (failure != null) {
        throw malformed(failure);
      }
      if (ended) {
        throw malformed("the body ended before the multipart's closing boundary");
      }
      int n = body.read(buffer);
      if (n < 0) {
        ended = true;
        parser.parse(Content.Chunk.EOF);
        continue;
      }
      read += n;
      if (read > maxBytes) {
        throw StockageException.policy(PolicyReason.TOO_LARGE, "the request is larger than the upload limit");
      }
      parser.parse(Content.Chunk.from(ByteBuffer.wrap(buffer, 0, n), false));
    }
    return events.peek();
  }

  private static StockageException malformed(Throwable cause) {
    return malformed(cause.getMessage() != null ? cause.getMessage() : cause.toString());
  }

  private static StockageException malformed(String why) {
    return StockageException.of(ErrorKind.INVALID_ARGUMENT, "a malformed multipart body: " + why);
  }

  @Override
  public void onPartHeaders() {
    events.add(new Part(Optional.ofNullable(getName()).orElse(""), Optional.ofNullable(getFileName())));
  }

  @Override
  public void onPartContent(Content.Chunk chunk) {
    ByteBuffer bytes = chunk.getByteBuffer();
    if (bytes.hasRemaining()) {
      events.add(bytes.slice());
    }
  }

  @Override
  public void onPartEnd() {
    super.onPartEnd();
    events.add(END);
  }

  @Override
  public void onPart(String name, String fileName, HttpFields headers) {
    // Reported piecewise above, as it arrives.
  }

  @Override
  public void onComplete() {
    events.add(COMPLETE);
  }

  @Override
  public void onFailure(Throwable cause) {
    failure = cause;
  }
}
