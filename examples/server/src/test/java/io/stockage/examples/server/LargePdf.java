package io.stockage.examples.server;

import io.stockage.testkit.Samples;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;

/** Large upload sources: a PDF head, then seeded random bytes, so a misplaced chunk changes the digest. */
final class LargePdf {
  private LargePdf() {}

  /** Writes the file of that size; returns its SHA-256 (hex). */
  static String write(Path target, long size, long seed) throws Exception {
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    Random random = new Random(seed);
    byte[] block = new byte[1 << 20];
    try (OutputStream out = new DigestOutputStream(Files.newOutputStream(target), digest)) {
      byte[] head = Samples.pdf("a large upload");
      out.write(head);
      long left = size - head.length;
      while (left > 0) {
        random.nextBytes(block);
        int n = (int) Math.min(block.length, left);
        out.write(block, 0, n);
        left -= n;
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }
}
