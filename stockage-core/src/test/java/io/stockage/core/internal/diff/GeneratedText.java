package io.stockage.core.internal.diff;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Lines of text generated as they are read, up to {@code size} bytes: line {@code n} reads
 * {@code line n: ...}, and every {@code changeEvery}-th line carries a {@code variant} marker, so
 * two variants differ on those lines only. Holds one line at a time.
 */
final class GeneratedText extends InputStream {
  private final long size;
  private final int changeEvery;
  private final String variant;
  private long position;
  private long line;
  private byte[] current = new byte[0];
  private int offset;

  GeneratedText(long size, int changeEvery, String variant) {
    this.size = size;
    this.changeEvery = changeEvery;
    this.variant = variant;
  }

  @Override
  public int read() {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] buf, int off, int len) {
    if (position >= size) {
      return -1;
    }
    if (offset == current.length) {
      line++;
      String marker = line % changeEvery == 0 ? " changed in " + variant : "";
      current = ("line " + line + ": the quick brown fox jumps over the lazy dog" + marker + "\n")
          .getBytes(StandardCharsets.US_ASCII);
      offset = 0;
    }
    int n = (int) Math.min(Math.min(len, current.length - offset), size - position);
    System.arraycopy(current, offset, buf, off, n);
    offset += n;
    position += n;
    return n;
  }
}
