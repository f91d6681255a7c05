package io.stockage.examples.bench;

import static io.stockage.examples.bench.SmbLeg.PROVIDER_READ;
import static io.stockage.examples.bench.SmbLeg.PROVIDER_WRITE;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;

/** Formats the SMB results as aligned plain-text tables, one line per size and direction. */
final class SmbResultTable {
  private SmbResultTable() {}

  /** Median rates of both clients, the provider/raw ratio, and whether the target is met. */
  static String rates(List<SmbResult> results) {
    String target = String.format(Locale.ROOT, "target >= %.2f", SmbPlan.TARGET);
    return format(List.of("size", "op", "runs", "provider MB/s", "raw smbj MB/s", "provider/raw", target),
        results, (r, leg) -> List.of(runs(r), rate(r, leg), rate(r, leg.counterpart()),
            String.format(Locale.ROOT, "%.2fx", r.ratio(leg)), r.ratio(leg) >= SmbPlan.TARGET ? "met" : "NOT met"));
  }

  /**
   * Median run time of both clients in milliseconds, with the shortest and longest run; the
   * median CPU time the client (this JVM) and the server (smbd) spent on a run; and the garbage
   * collections in the benchmark's JVM over all measured runs.
   */
  static String times(List<SmbResult> results) {
    return format(List.of("size", "op", "provider ms median (min-max)", "raw smbj ms median (min-max)",
        "JVM CPU ms: provider", "raw", "smbd CPU ms: provider", "raw", "GCs (ms): provider", "raw"),
        results, (r, leg) -> {
          LegStats mine = r.stats().get(leg);
          LegStats raw = r.stats().get(leg.counterpart());
          return List.of(ResultTable.time(mine.wall()), ResultTable.time(raw.wall()),
              millis(mine.clientCpu()), millis(raw.clientCpu()), millis(mine.serverCpu()), millis(raw.serverCpu()),
              collections(mine), collections(raw));
        });
  }

  /**
   * The provider's write against raw smbj's made as durable: the raw write's median time, the
   * median FLUSH, the median of their sums, and the provider's rate against that.
   */
  static String flushed(List<SmbResult> results) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("size", "raw write ms", "FLUSH ms median (min-max)", "raw write+FLUSH ms", "raw write+FLUSH MB/s",
        "provider MB/s", "provider/(raw+FLUSH)"));
    for (SmbResult r : results) {
      rows.add(List.of(r.plan().label(), millis(r.stats().get(SmbLeg.RAW_WRITE).wall()), ResultTable.time(r.flush()),
          millis(r.rawWriteFlush()),
          String.format(Locale.ROOT, "%.1f", r.plan().mbPerSecond(r.rawWriteFlush().medianNanos())),
          rate(r, PROVIDER_WRITE), String.format(Locale.ROOT, "%.2fx", r.ratioToFlushed())));
    }
    return TextTable.format(rows, 1);
  }

  private static String format(List<String> header, List<SmbResult> results,
      BiFunction<SmbResult, SmbLeg, List<String>> cells) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(header);
    for (SmbResult result : results) {
      for (SmbLeg leg : List.of(PROVIDER_WRITE, PROVIDER_READ)) {
        List<String> row = new ArrayList<>(List.of(result.plan().label(), leg.write() ? "write" : "read"));
        row.addAll(cells.apply(result, leg));
        rows.add(row);
      }
    }
    return TextTable.format(rows, 2);
  }

  private static String runs(SmbResult result) {
    return result.plan().warmups() + "+" + result.plan().runs();
  }

  private static String rate(SmbResult result, SmbLeg leg) {
    return String.format(Locale.ROOT, "%.1f", result.rate(leg));
  }

  private static String collections(LegStats stats) {
    return stats.gcCount() + " (" + stats.gcMillis() + ")";
  }

  private static String millis(Timings timings) {
    return String.format(Locale.ROOT, "%.1f", timings.medianNanos() / 1e6);
  }
}
