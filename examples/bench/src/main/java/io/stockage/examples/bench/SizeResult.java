package io.stockage.examples.bench;

import java.util.EnumMap;
import java.util.Map;

/**
 * What was measured at one size.
 *
 * @param plan the size and iteration counts
 * @param timings the measured runs of every operation
 * @param heap the heap of the measured upload with the largest peak, {@link HeapProbe.Use#NONE}
 *     when not probed
 */
record SizeResult(SizePlan plan, Map<Operation, Timings> timings, HeapProbe.Use heap) {
  /** Copies the map. */
  SizeResult {
    timings = new EnumMap<>(timings);
  }

  /** The median rate of an operation, in MB per second. */
  double mbPerSecond(Operation operation) {
    return timings.get(operation).mbPerSecond(plan.bytes());
  }

  /** Stockage's rate divided by a baseline's. */
  double ratio(Operation stockage, Operation baseline) {
    return mbPerSecond(stockage) / mbPerSecond(baseline);
  }
}
