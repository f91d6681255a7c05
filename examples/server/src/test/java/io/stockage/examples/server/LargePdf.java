package io.stockage.examples.server;

import io.stockage.testkit.Samples;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

/** Large upload sources on disk, from the testkit's generated PDF. */
final class LargePdf {
  private LargePdf() {}

  /** Writes the file of that size; returns its SHA-256 (hex). */
  static String write(Path target, long size, long seed) throws Exception {
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    try (InputStream in = new DigestInputStream(Samples.largePdf(size, seed), digest)) {
      Files.copy(in, target);
    }
    return HexFormat.of().formatHex(digest.digest());
  }
}
