package io.stockage.examples.bench;

import java.util.List;
import java.util.Locale;

/**
 * One file size the SMB benchmark measures: every run writes, then reads, one file of
 * {@code bytes} bytes through each client.
 *
 * @param label how the size is printed, e.g. {@code 64 MB}
 * @param bytes the size of the file
 * @param warmups runs made first and not counted
 * @param runs runs measured, an even number (the clients take turns going first); the median is
 *     reported
 */
record SmbPlan(String label, long bytes, int warmups, int runs) {
  /** The provider must reach this fraction of raw smbj's rate, at every size and in both directions. */
  static final double TARGET = 0.9;

  /** Checks that the runs are even. */
  SmbPlan {
    if (runs % 2 != 0) {
      throw new IllegalArgumentException("an even number of measured runs, so both orders count as often: " + runs);
    }
  }

  /**
   * 1 MB, 64 MB and 256 MB files. About two minutes on a two-core machine, most of it the 256 MB
   * writes (both clients write at 40-60 MB/s to a Samba on the same machine).
   */
  static List<SmbPlan> standard() {
    return List.of(
        new SmbPlan("1 MB", SizePlan.MB, 4, 60),
        new SmbPlan("64 MB", 64 * SizePlan.MB, 1, 10),
        new SmbPlan("256 MB", 256 * SizePlan.MB, 1, 4));
  }

  /** An identifier usable in file names, e.g. {@code 64mb}. */
  String slug() {
    return label.replace(" ", "").toLowerCase(Locale.ROOT);
  }

  /** The rate of a run lasting that long, in MB (2^20 bytes) per second. */
  double mbPerSecond(double nanos) {
    return bytes / (double) SizePlan.MB / (nanos / 1e9);
  }
}
