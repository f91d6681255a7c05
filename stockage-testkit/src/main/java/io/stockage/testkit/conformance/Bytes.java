package io.stockage.testkit.conformance;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.CRC32;

/** Reference bytes, their comparison without printing megabytes, and failing sources. */
final class Bytes {
  private Bytes() {}

  /** {@code size} bytes drawn from a generator seeded with {@code seed}: the same every run. */
  static byte[] random(int size, long seed) {
    byte[] data = new byte[size];
    new Random(seed).nextBytes(data);
    return data;
  }

  /** Fails unless the arrays are equal, saying where they first differ rather than printing them. */
  static void assertSame(byte[] actual, byte[] expected, String what) {
    int at = Arrays.mismatch(actual, expected);
    if (at >= 0) {
      throw new AssertionError(what + ": expected " + describe(expected) + " but read " + describe(actual)
          + ", first difference at byte " + at);
    }
  }

  /** Length and checksum: enough to tell contents apart in a message. */
  static String describe(byte[] data) {
    CRC32 crc = new CRC32();
    crc.update(data);
    return data.length + " bytes (crc32 " + Long.toHexString(crc.getValue()) + ")";
  }

  /** A source that yields {@code prefix}, then throws {@code failure} from {@code read}. */
  static InputStream failingAfter(byte[] prefix, RuntimeException failure) {
    return new SequenceInputStream(new ByteArrayInputStream(prefix), new InputStream() {
      @Override
      public int read() {
        throw failure;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        throw failure;
      }
    });
  }
}
