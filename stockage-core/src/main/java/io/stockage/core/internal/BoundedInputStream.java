package io.stockage.core.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Yields at most {@code limit} bytes of the wrapped stream; closing closes the wrapped stream (but see {@link #exactly}). */
public final class BoundedInputStream extends FilterInputStream {
  private final boolean exact;
  private long remaining;

  /** Wraps {@code in}, stopping after {@code limit} bytes. */
  public BoundedInputStream(InputStream in, long limit) {
    this(in, limit, false);
  }

  private BoundedInputStream(InputStream in, long limit, boolean exact) {
    super(in);
    this.remaining = limit;
    this.exact = exact;
  }

  /**
   * Exactly {@code length} bytes of {@code in}, for a consumer told that length: a source that ends
   * sooner fails with {@code INVALID_ARGUMENT}. Closing it leaves {@code in} open, for what follows.
   */
  public static BoundedInputStream exactly(InputStream in, long length) {
    return new BoundedInputStream(in, length, true);
  }

  @Override
  public void close() throws IOException {
    if (!exact) {
      super.close();
    }
  }

  private int ended(int n) {
    if (n < 0 && exact && remaining > 0) {
      throw io.stockage.StockageException.of(io.stockage.ErrorKind.INVALID_ARGUMENT,
          "the content ended " + remaining + " bytes before its declared length");
    }
    return n;
  }

  @Override
  public int read() throws IOException {
    if (remaining <= 0) {
      return -1;
    }
    int b = super.read();
    if (b >= 0) {
      remaining--;
    }
    return ended(b);
  }

  @Override
  public int read(byte[] buf, int off, int len) throws IOException {
    if (remaining <= 0) {
      return -1;
    }
    int n = super.read(buf, off, (int) Math.min(len, remaining));
    if (n > 0) {
      remaining -= n;
    }
    return ended(n);
  }

  @Override
  public long skip(long n) throws IOException {
    long skipped = super.skip(Math.min(n, remaining));
    remaining -= skipped;
    return skipped;
  }

  @Override
  public int available() throws IOException {
    return (int) Math.min(super.available(), remaining);
  }

  @Override
  public boolean markSupported() {
    return false;
  }
}
