package io.stockage.examples.bench;

import java.util.EnumMap;
import java.util.Map;

/**
 * What was measured at one SMB file size.
 *
 * @param plan the size and run counts
 * @param stats the measured runs of every leg
 * @param flush the FLUSH of raw smbj's file after its read, each run (not part of its legs)
 * @param rawWriteFlush raw smbj's write and that FLUSH added up, each run: a raw write as durable
 *     as the provider's
 */
record SmbResult(SmbPlan plan, Map<SmbLeg, LegStats> stats, Timings flush, Timings rawWriteFlush) {
  /** Copies the map. */
  SmbResult {
    stats = new EnumMap<>(stats);
  }

  /** The leg's rate in its median run, in MB per second. */
  double rate(SmbLeg leg) {
    return plan.mbPerSecond(stats.get(leg).wall().medianNanos());
  }

  /** The provider's median write rate divided by that of raw smbj's write and FLUSH. */
  double ratioToFlushed() {
    return rate(SmbLeg.PROVIDER_WRITE) / plan.mbPerSecond(rawWriteFlush.medianNanos());
  }

  /** The provider's median rate divided by raw smbj's, in the leg's direction. */
  double ratio(SmbLeg providerLeg) {
    return rate(providerLeg) / rate(providerLeg.counterpart());
  }
}
