package io.stockage.testkit.s3;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Random names for test buckets, prefixes and keys. */
final class S3Names {
  private static final SecureRandom RANDOM = new SecureRandom();

  private S3Names() {}

  /** A bucket name valid everywhere: lower case, digits and a dash, 21 characters. */
  static String bucket() {
    return "stockage-" + hex(6);
  }

  /** A key prefix for one test class in a shared bucket. */
  static String prefix() {
    return "stockage-test-" + hex(8) + "/";
  }

  /** Random bytes in hexadecimal. */
  static String hex(int bytes) {
    byte[] b = new byte[bytes];
    RANDOM.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }
}
