package io.stockage.examples.bench;

import java.util.EnumMap;
import java.util.Map;

/**
 * What was measured at one S3 object size.
 *
 * @param plan the size and run counts
 * @param stats the measured runs of every leg
 * @param calls the SDK calls each leg made in the last measured run, by operation
 */
record S3Result(S3Plan plan, Map<S3Leg, LegStats> stats, Map<S3Leg, Map<String, Long>> calls) {
  /** Copies the maps. */
  S3Result {
    stats = new EnumMap<>(stats);
    calls = new EnumMap<>(calls);
  }

  /** The leg's rate in its median run: MB per second, or objects per second. */
  double rate(S3Leg leg) {
    return plan.rate(stats.get(leg).wall().medianNanos());
  }

  /** The provider's median rate divided by the raw SDK's, in the leg's direction. */
  double ratio(S3Leg providerLeg) {
    return rate(providerLeg) / rate(providerLeg.counterpart());
  }
}
