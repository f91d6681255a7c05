package io.stockage.core.internal.diff;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/** Sides for tests, whose content records how often it was opened, how far read, and closed. */
final class Sides {
  private Sides() {}

  /** A side of the given bytes. */
  static Tracked of(int revision, String mimeType, byte[] bytes) {
    return new Tracked(revision, mimeType, bytes.length, sha256(bytes), () -> new ByteArrayInputStream(bytes));
  }

  /** A side whose content is generated, {@code size} bytes, with a made-up hash. */
  static Tracked generated(int revision, String mimeType, long size, Supplier<InputStream> content) {
    return new Tracked(revision, mimeType, size, String.format("%064x", revision), content);
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  /** A side and its counters. */
  static final class Tracked {
    final AtomicInteger opened = new AtomicInteger();
    final AtomicInteger closed = new AtomicInteger();
    final AtomicLong read = new AtomicLong();
    final Side side;

    Tracked(int revision, String mimeType, long size, String sha256, Supplier<InputStream> content) {
      this.side = new Side(revision, mimeType, size, sha256, () -> {
        opened.incrementAndGet();
        return new Counting(content.get());
      });
    }

    private final class Counting extends FilterInputStream {
      Counting(InputStream in) {
        super(in);
      }

      @Override
      public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
          read.incrementAndGet();
        }
        return b;
      }

      @Override
      public int read(byte[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        if (n > 0) {
          read.addAndGet(n);
        }
        return n;
      }

      @Override
      public void close() throws IOException {
        closed.incrementAndGet();
        super.close();
      }
    }
  }
}
