package io.stockage.examples.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;

/**
 * The peak heap used while something runs, read from the heap memory pools. A pool's peak counts
 * garbage not yet collected, so the sum is an upper bound on what the work kept alive.
 */
final class HeapProbe {
  private HeapProbe() {}

  /**
   * Collects garbage, then resets the heap pools' peaks to their current usage; returns the heap
   * in use then, in bytes.
   */
  static long reset() {
    System.gc();
    heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
    return heapPools().stream().mapToLong(pool -> pool.getUsage().getUsed()).sum();
  }

  /** The sum of the heap pools' peak usage since {@link #reset()}, in bytes. */
  static long peakUsed() {
    return heapPools().stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
  }

  /** The garbage collectors in use, e.g. {@code G1 Young Generation, G1 Old Generation}. */
  static String collectors() {
    return String.join(", ", ManagementFactory.getGarbageCollectorMXBeans().stream()
        .map(GarbageCollectorMXBean::getName).toList());
  }

  private static List<MemoryPoolMXBean> heapPools() {
    return ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(pool -> pool.getType() == MemoryType.HEAP && pool.isValid())
        .toList();
  }

  /**
   * The heap around one piece of work.
   *
   * @param beforeBytes in use when it started, after a GC
   * @param peakBytes the peak while it ran
   */
  record Use(long beforeBytes, long peakBytes) {
    /** Nothing measured. */
    static final Use NONE = new Use(-1, -1);
  }
}
