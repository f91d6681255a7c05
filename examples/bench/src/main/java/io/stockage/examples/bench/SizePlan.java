package io.stockage.examples.bench;

import java.util.List;

/**
 * One file size to measure.
 *
 * @param label how the size is printed, e.g. {@code 64 MB}
 * @param bytes the file's size in bytes, the whole PDF
 * @param warmups iterations run first and not counted
 * @param runs iterations measured; the median is reported
 * @param probeHeap whether the peak heap is measured around each upload
 */
record SizePlan(String label, long bytes, int warmups, int runs, boolean probeHeap) {
  /** One mebibyte: every size and rate in the report uses it. */
  static final long MB = 1024L * 1024;

  /** 1 MB, 64 MB and 512 MB; the heap is probed during the 512 MB uploads. */
  static List<SizePlan> standard() {
    return List.of(
        new SizePlan("1 MB", MB, 300, 50, false),
        new SizePlan("64 MB", 64 * MB, 2, 9, false),
        new SizePlan("512 MB", 512 * MB, 1, 7, true));
  }

  /** The largest size, for the upload policy's cap. */
  static long largest(List<SizePlan> plans) {
    return plans.stream().mapToLong(SizePlan::bytes).max().orElse(MB);
  }

  /** An identifier usable in file names, e.g. {@code 64mb}. */
  String slug() {
    return label.replace(" ", "").toLowerCase(java.util.Locale.ROOT);
  }
}
