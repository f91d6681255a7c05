package io.stockage.provider.s3.internal;

import io.stockage.ErrorKind;
import io.stockage.StockageException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.OptionalLong;
import software.amazon.awssdk.http.ContentStreamProvider;

/**
 * The caller's data as the SDK reads it. It remembers the first exception the caller's stream
 * throws, so that the writer can rethrow that exception itself however the SDK wrapped it; it
 * holds a stream of declared length to that length exactly (checking for the end before handing
 * over the last bytes, so a longer stream fails the request instead of being cut); and it never
 * closes the caller's stream.
 *
 * <p>It keeps the first bytes it hands out ({@link #REPLAY_WINDOW} at most), so that the SDK can
 * retry a request that failed early: a pooled connection the server had just closed fails on
 * the first writes of the body (S3Proxy closes the connection after every aws-chunked PUT; any
 * server may close an idle one). The SDK's own {@code RequestBody.fromInputStream} replays
 * 128 KiB the same way.
 */
final class SourceStream extends InputStream {
  /**
   * How many of the first bytes are kept for a retry: 128 KiB, as the SDK itself. A 1 MiB window
   * was measured (examples/bench) to cost about 1 ms and a G1 humongous allocation per 1 MB PUT
   * under a 256 MB heap, for retries that only ever happen on the first writes.
   */
  static final int REPLAY_WINDOW = 128 << 10;

  private final InputStream data;
  private final OptionalLong declared;
  private long count;
  private Throwable failure;
  private boolean handedOut;
  private byte[] window = new byte[8192];
  private int windowSize;
  private boolean windowExceeded;
  private boolean endChecked;

  SourceStream(InputStream data, OptionalLong declared) {
    this.data = data;
    this.declared = declared;
  }

  /** The bytes read so far. */
  long count() {
    return count;
  }

  /**
   * The request body. A second call means the SDK retries after a network failure: while every
   * byte handed out is still in the replay window, the body starts again from the window; past
   * it the caller's bytes are gone and the call fails with {@link NotReplayable}, which
   * {@link S3Errors} maps to {@code UNAVAILABLE}. A caller's failure is rethrown first.
   */
  ContentStreamProvider body() {
    return () -> {
      rethrowFailure();
      if (!handedOut) {
        handedOut = true;
        return this;
      }
      if (windowExceeded) {
        throw new NotReplayable();
      }
      return new Replay();
    };
  }

  /** Throws the caller's stream's failure, if it had one: unchanged, or wrapped when checked. */
  void rethrowFailure() {
    Throwable f = failure;
    if (f instanceof RuntimeException r) {
      throw r;
    }
    if (f instanceof Error err) {
      throw err;
    }
    if (f instanceof IOException io) {
      throw new UncheckedIOException(io);
    }
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] buf, int off, int len) throws IOException {
    if (failure != null) {
      throw new IOException("the source stream failed before", failure);
    }
    try {
      return guardedRead(buf, off, len);
    } catch (IOException | RuntimeException | Error e) {
      failure = e;
      throw e;
    }
  }

  private int guardedRead(byte[] buf, int off, int len) throws IOException {
    long remaining = declared.isPresent() ? declared.getAsLong() - count : Long.MAX_VALUE;
    if (remaining == 0) {
      checkEnd();
      return -1;
    }
    int n = data.read(buf, off, (int) Math.min(len, remaining));
    if (n < 0) {
      if (declared.isPresent()) {
        throw mismatch("the stream ended after " + count + " of " + declared.getAsLong() + " declared bytes");
      }
      return -1;
    }
    count += n;
    keep(buf, off, n);
    if (n == remaining) {
      checkEnd();
    }
    return n;
  }

  /** At the declared length, before the last bytes go out: the caller's stream must end there. */
  private void checkEnd() throws IOException {
    if (!endChecked) {
      endChecked = true;
      if (data.read() >= 0) {
        throw mismatch("the stream holds more than the " + declared.getAsLong() + " declared bytes");
      }
    }
  }

  private void keep(byte[] buf, int off, int n) {
    if (windowExceeded) {
      return;
    }
    if ((long) windowSize + n > REPLAY_WINDOW) {
      windowExceeded = true;
      window = null;
      return;
    }
    if (windowSize + n > window.length) {
      window = java.util.Arrays.copyOf(window, Math.min(REPLAY_WINDOW, Math.max(window.length * 2, windowSize + n)));
    }
    System.arraycopy(buf, off, window, windowSize, n);
    windowSize += n;
  }

  private static StockageException mismatch(String message) {
    return StockageException.of(ErrorKind.INVALID_ARGUMENT, message);
  }

  /** Thrown when the SDK asks again for a body that was streamed once: the bytes are gone. */
  static final class NotReplayable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NotReplayable() {
      super("the connection failed while the body streamed from the caller's stream, which cannot be replayed");
    }
  }

  /** The kept bytes again, then the rest of the caller's stream. */
  private final class Replay extends InputStream {
    private int position;

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
      if (position < windowSize && !windowExceeded) {
        int n = Math.min(len, windowSize - position);
        System.arraycopy(window, position, buf, off, n);
        position += n;
        return n;
      }
      if (position < windowSize) {
        throw new IOException(new NotReplayable());
      }
      int n = SourceStream.this.read(buf, off, len);
      position += Math.max(n, 0);
      return n;
    }
  }

  /** Leaves the caller's stream open: the caller owns it. */
  @Override
  public void close() {
    // Not ours to close.
  }
}
