package io.stockage.core.internal;

import io.stockage.ErrorKind;
import io.stockage.PolicyReason;
import io.stockage.StockageException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * One append's bytes on their way to the staging object: refused past the room the session has
 * left (its size, and the storage quotas), fed to the session's {@link ContentScan} when this node holds it, and read only while the
 * append holds its lease. The lease is renewed every {@code renewEvery} nanoseconds of the clock as
 * bytes arrive, before they are handed on: a stalled append whose lease another took over fails at
 * its next byte, so it never writes over the bytes of the append that took over (which may start
 * only a whole lease after this one's last renewal).
 */
final class ChunkStream extends FilterInputStream {
  private final Room room;
  private final ContentScan scan;
  private final Lease lease;
  private long read;

  /** What keeps the append's lease. */
  interface Lease {
    /** Renews the lease when it is due; false when it is lost. */
    boolean keep();
  }

  /**
   * How many bytes the chunk may hold.
   *
   * @param size what is left under the policy's size or the declared length
   * @param byLength whether the declared length is what {@code size} stops at
   * @param quota what is left of the storage quotas
   */
  record Room(long size, boolean byLength, long quota) {}

  ChunkStream(InputStream in, Room room, ContentScan scan, Lease lease) {
    super(in);
    this.room = room;
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
    if (read > room.size()) {
      throw StockageException.policy(PolicyReason.TOO_LARGE, room.byLength()
          ? "the chunk goes past the upload's declared length" : "the upload goes past the size limit");
    }
    if (read > room.quota()) {
      throw QuotaService.exceeded("the upload goes past the storage quota");
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
