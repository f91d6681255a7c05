package io.stockage.core.internal.diff;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Whitespace-separated tokens of ASCII STL, read through a buffer. Tokens longer than
 * {@value #MAX_TOKEN} bytes are cut to that length, so a file without whitespace cannot make one
 * token fill the memory.
 */
final class StlTokens {
  private static final int MAX_TOKEN = 64;

  private final InputStream in;
  private final byte[] buffer = new byte[64 * 1024];
  private final byte[] token = new byte[MAX_TOKEN];
  private int position;
  private int limit;

  StlTokens(InputStream in) {
    this.in = in;
  }

  /** The next token, or {@code null} at the end. */
  String next() throws IOException {
    int b = read();
    while (b >= 0 && isSpace(b)) {
      b = read();
    }
    if (b < 0) {
      return null;
    }
    int length = 0;
    while (b >= 0 && !isSpace(b)) {
      if (length < MAX_TOKEN) {
        token[length++] = (byte) b;
      }
      b = read();
    }
    return new String(token, 0, length, StandardCharsets.US_ASCII);
  }

  private int read() throws IOException {
    if (position == limit) {
      int n = in.read(buffer);
      if (n <= 0) {
        return -1;
      }
      position = 0;
      limit = n;
    }
    return buffer[position++] & 0xff;
  }

  private static boolean isSpace(int b) {
    return b == ' ' || b == '\n' || b == '\r' || b == '\t' || b == '\f' || b == 0x0b;
  }
}
