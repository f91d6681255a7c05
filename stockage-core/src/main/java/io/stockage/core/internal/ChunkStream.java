package io.stockage.core.internal;

import io.stockage.ErrorKind;
import io.stockage.PolicyReason;
import io.stockage.StockageException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * One append's bytes on their way to the staging object: refused past the room the session has
 * left, fed to the session's {@link ContentScan} when this node holds it, and read only while the
 * append holds its lease. The lease is renewed every {@code renewEvery} nanoseconds of the clock as
 * bytes arrive, before they are handed on: a stalled append whose lease another took over fails at
 * its next byte, so it never writes over the bytes of the append that took over (which may start
 * only a whole lease after this one's last renewal).
 */
final class ChunkStream extends FilterInputStream {
  private final long room;
  private final boolean byLength;
  private final ContentScan scan;
  private final Lease lease;
  private long read;

  /** What keeps the append's lease. */
  interface Lease {
    /** Renews the lease when it is due; false when it is lost. */
    boolean keep();
  }

  ChunkStream(InputStream in, long room, boolean byLength, ContentScan scan, Lease lease) {
    super(in);
    this.room = room;
    this.byLength = byLength;
    this.scan = scan;
    this.lease = lease;
  }

  /** The bytes read so far. */
  long count() {
    return read;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] buf, int off, int len) throws IOException {
    int n;
    try {
      n = super.read(buf, off, len);
    } catch (IOException e) {
      throw StockageException.of(ErrorKind.UNAVAILABLE, "the upload stream broke: " + e, e);
    }
    if (n <= 0) {
      return n;
    }
    read += n;
    if (read > room) {
      throw StockageException.policy(PolicyReason.TOO_LARGE, byLength
          ? "the chunk goes past the upload's declared length" : "the upload goes past the size limit");
    }
    if (!lease.keep()) {
      throw StockageException.of(ErrorKind.CONFLICT, "the append went " + UploadService.LEASE.toSeconds()
          + " s without a byte and another took over; read the offset again");
    }
    if (scan != null) {
      scan.accept(buf, off, n);
    }
    return n;
  }

  @Override
  public long skip(long n) {
    throw new UnsupportedOperationException("a chunk is read whole");
  }

  @Override
  public boolean markSupported() {
    return false;
  }
}
