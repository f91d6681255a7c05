package io.stockage.examples.bench;

import java.util.List;
import java.util.Locale;

/**
 * One object size the S3 benchmark measures: every run puts, then gets, {@code objects} objects
 * of {@code objectBytes} bytes through each client.
 *
 * @param label how the size is printed, e.g. {@code 64 MB}
 * @param objectBytes the size of each object
 * @param objects how many objects one run moves; above one the rate is given in objects per second
 * @param warmups runs made first and not counted
 * @param runs runs measured, an even number (the clients take turns going first); the median is
 *     reported
 */
record S3Plan(String label, long objectBytes, int objects, int warmups, int runs) {
  /** The provider must reach this fraction of the raw SDK's rate from {@link #TARGET_FROM} up. */
  static final double TARGET = 0.9;
  /** The smallest object size the target applies to. */
  static final long TARGET_FROM = 64 * SizePlan.MB;

  /** Checks that the runs are even. */
  S3Plan {
    if (runs % 2 != 0) {
      throw new IllegalArgumentException("an even number of measured runs, so both orders count as often: " + runs);
    }
  }

  /**
   * 500 objects of 4 KB, then 1 MB, 64 MB and 512 MB single objects: the small objects first,
   * before the large ones leave the disk and the server busy. About two minutes on an idle
   * two-core machine, most of it the 512 MB multipart uploads (S3Mock takes them at 80-90 MB/s).
   */
  static List<S3Plan> standard() {
    return List.of(
        new S3Plan("4 KB x500", 4096, 500, 1, 4),
        new S3Plan("1 MB", SizePlan.MB, 1, 2, 30),
        new S3Plan("64 MB", 64 * SizePlan.MB, 1, 2, 10),
        new S3Plan("512 MB", 512 * SizePlan.MB, 1, 1, 4));
  }

  /** Whether the rate is counted in objects per second rather than MB per second. */
  boolean perObject() {
    return objects > 1;
  }

  /** Whether the provider/raw target applies to this size. */
  boolean targeted() {
    return objectBytes >= TARGET_FROM;
  }

  /** An identifier usable in file names and keys, e.g. {@code 4kbx500}. */
  String slug() {
    return label.replace(" ", "").toLowerCase(Locale.ROOT);
  }

  /** The rate of a run lasting that long: MB per second, or objects per second. */
  double rate(double nanos) {
    double seconds = nanos / 1e9;
    return perObject() ? objects / seconds : objects * objectBytes / (double) SizePlan.MB / seconds;
  }
}
