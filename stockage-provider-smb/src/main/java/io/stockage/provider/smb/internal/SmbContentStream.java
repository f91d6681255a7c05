package io.stockage.provider.smb.internal;

import com.hierynomus.smbj.share.File;
import io.stockage.ByteRange;
import io.stockage.StockageException;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Function;

/**
 * The bytes of a slice of an open file, read with one SMB READ per chunk at the position reached,
 * so a range costs nothing before its start. It yields exactly the slice's length (a file cut
 * short meanwhile is an error, not a short read) and closes the handle on close.
 */
final class SmbContentStream extends InputStream {
  private final File file;
  private final int chunk;
  private final Function<RuntimeException, StockageException> failure;
  private long position;
  private long remaining;
  private byte[] buffer;
  private int bufferStart;
  private int bufferEnd;
  private boolean closed;

  SmbContentStream(File file, ByteRange.Slice slice, int chunk, Function<RuntimeException, StockageException> failure) {
    this.file = file;
    this.position = slice.offset();
    this.remaining = slice.length();
    this.chunk = chunk;
    this.failure = failure;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    java.util.Objects.checkFromIndexSize(off, len, b.length);
    if (closed) {
      throw new IOException("stream closed");
    }
    if (len == 0) {
      return 0;
    }
    if (bufferStart == bufferEnd && !fill()) {
      return -1;
    }
    int n = Math.min(len, bufferEnd - bufferStart);
    System.arraycopy(buffer, bufferStart, b, off, n);
    bufferStart += n;
    return n;
  }

  private boolean fill() throws IOException {
    if (remaining == 0) {
      return false;
    }
    if (buffer == null) {
      buffer = new byte[(int) Math.min(chunk, remaining)];
    }
    int want = (int) Math.min(buffer.length, remaining);
    int n;
    try {
      n = file.read(buffer, position, 0, want);
    } catch (RuntimeException e) {
      throw new IOException(failure.apply(e));
    }
    if (n <= 0) {
      throw new IOException(StockageException.of(io.stockage.ErrorKind.CONFLICT,
          "smb read: the file ended " + remaining + " bytes before the slice did; it changed while being read"));
    }
    position += n;
    remaining -= n;
    bufferStart = 0;
    bufferEnd = n;
    return true;
  }

  @Override
  public int available() {
    return bufferEnd - bufferStart;
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      buffer = null;
      SmbHandles.closeQuietly(file);
    }
  }
}
