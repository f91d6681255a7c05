package io.stockage.provider.s3.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import software.amazon.awssdk.core.ResponseInputStream;

/**
 * The body of a GET, held to the slice's length. Closed before its end, it aborts the connection
 * rather than letting the HTTP client drain what is left: a reader stopping early in a 5 GB
 * object must not download the rest.
 */
final class ContentStream extends FilterInputStream {
  private final ResponseInputStream<?> response;
  private long remaining;

  ContentStream(ResponseInputStream<?> response, long length) {
    super(response);
    this.response = response;
    this.remaining = length;
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
    return b;
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
    return n;
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

  @Override
  public void close() throws IOException {
    if (remaining > 0) {
      response.abort();
    }
    super.close();
  }
}
