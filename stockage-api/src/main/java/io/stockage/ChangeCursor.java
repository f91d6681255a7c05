package io.stockage;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A position in the change feed: everything up to it has been read. Opaque to clients: keep
 * {@link #toString()} and hand it back with {@link #parse}. Positions follow commit order (see
 * {@link Changes}); a catalog makes them with {@link #at}.
 */
public final class ChangeCursor implements Comparable<ChangeCursor> {
  private static final String VERSION = "c1";
  /** Before every change. */
  public static final ChangeCursor START = new ChangeCursor(0, 0);

  private final long xid;
  private final long seq;

  private ChangeCursor(long xid, long seq) {
    this.xid = xid;
    this.seq = seq;
  }

  /**
   * The position of a change, for a catalog: the writing transaction's id and the row's number
   * within the feed.
   */
  public static ChangeCursor at(long xid, long seq) {
    if (xid < 0 || seq < 0) {
      throw StockageException.of(ErrorKind.INVALID_ARGUMENT, "a change cursor is not negative");
    }
    return new ChangeCursor(xid, seq);
  }

  /** The cursor a client kept; {@code INVALID_ARGUMENT} when the text is not one. */
  public static ChangeCursor parse(String text) {
    try {
      String decoded = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.US_ASCII);
      String[] parts = decoded.split(":", -1);
      if (parts.length == 3 && parts[0].equals(VERSION)) {
        return at(Long.parseLong(parts[1]), Long.parseLong(parts[2]));
      }
    } catch (IllegalArgumentException e) {
      // falls through to the error below (NumberFormatException is one)
    }
    throw StockageException.of(ErrorKind.INVALID_ARGUMENT, "not a change cursor");
  }

  /** The writing transaction's id; for catalogs. */
  public long xid() {
    return xid;
  }

  /** The row's number; for catalogs. */
  public long seq() {
    return seq;
  }

  @Override
  public int compareTo(ChangeCursor other) {
    int byXid = Long.compare(xid, other.xid);
    return byXid != 0 ? byXid : Long.compare(seq, other.seq);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ChangeCursor c && c.xid == xid && c.seq == seq;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(xid) * 31 + Long.hashCode(seq);
  }

  /** The opaque text form. */
  @Override
  public String toString() {
    return Base64.getUrlEncoder().withoutPadding()
        .encodeToString((VERSION + ":" + xid + ":" + seq).getBytes(StandardCharsets.US_ASCII));
  }
}
