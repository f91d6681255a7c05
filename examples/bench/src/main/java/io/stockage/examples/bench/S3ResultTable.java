package io.stockage.examples.bench;

import static io.stockage.examples.bench.S3Leg.PROVIDER_GET;
import static io.stockage.examples.bench.S3Leg.PROVIDER_PUT;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/** Formats the S3 results as aligned plain-text tables, one line per size and direction. */
final class S3ResultTable {
  private S3ResultTable() {}

  /** Median rates of both clients, the provider/raw ratio, and whether the target is met. */
  static String rates(List<S3Result> results) {
    String target = String.format(Locale.ROOT, "target >= %.2f", S3Plan.TARGET);
    return format(List.of("size", "op", "runs", "provider", "raw SDK", "unit", "provider/raw", target),
        results, (r, leg) -> List.of(runs(r), rate(r, leg), rate(r, leg.counterpart()),
            r.plan().perObject() ? "objects/s" : "MB/s",
            String.format(Locale.ROOT, "%.2fx", r.ratio(leg)), verdict(r, leg)));
  }

  /**
   * Median run time of both clients in milliseconds, with the shortest and longest run; the
   * median CPU time the client (calling thread) and the server (S3Mock) spent on a run; and the
   * garbage collections in the benchmark's JVM over all measured runs.
   */
  static String times(List<S3Result> results) {
    return format(List.of("size", "op", "provider ms median (min-max)", "raw SDK ms median (min-max)",
        "client CPU ms: provider", "raw SDK", "S3Mock CPU ms: provider", "raw SDK", "GCs (ms): provider", "raw SDK"),
        results, (r, leg) -> {
          LegStats mine = r.stats().get(leg);
          LegStats raw = r.stats().get(leg.counterpart());
          return List.of(ResultTable.time(mine.wall()), ResultTable.time(raw.wall()),
              millis(mine.clientCpu()), millis(raw.clientCpu()), millis(mine.serverCpu()), millis(raw.serverCpu()),
              collections(mine), collections(raw));
        });
  }

  private static String collections(LegStats stats) {
    return stats.gcCount() + " (" + stats.gcMillis() + ")";
  }

  private static String millis(Timings timings) {
    return String.format(Locale.ROOT, "%.1f", timings.medianNanos() / 1e6);
  }

  /** The SDK calls per object each client made, as counted by {@link RequestCounter}. */
  static String calls(List<S3Result> results) {
    return format(List.of("size", "op", "provider: SDK calls per object", "raw SDK: SDK calls per object"),
        results, (r, leg) -> List.of(calls(r, leg), calls(r, leg.counterpart())));
  }

  private static String format(List<String> header, List<S3Result> results,
      BiFunction<S3Result, S3Leg, List<String>> cells) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(header);
    for (S3Result result : results) {
      for (S3Leg leg : List.of(PROVIDER_PUT, PROVIDER_GET)) {
        List<String> row = new ArrayList<>(List.of(result.plan().label(), leg.put() ? "PUT" : "GET"));
        row.addAll(cells.apply(result, leg));
        rows.add(row);
      }
    }
    return TextTable.format(rows, 2);
  }

  private static String runs(S3Result result) {
    return result.plan().warmups() + "+" + result.plan().runs();
  }

  private static String rate(S3Result result, S3Leg leg) {
    return String.format(Locale.ROOT, result.plan().perObject() ? "%.0f" : "%.1f", result.rate(leg));
  }

  private static String verdict(S3Result result, S3Leg leg) {
    if (!result.plan().targeted()) {
      return "-";
    }
    return result.ratio(leg) >= S3Plan.TARGET ? "met" : "NOT met";
  }

  /** E.g. {@code CreateMultipartUpload 1, UploadPart 64, CompleteMultipartUpload 1}. */
  private static String calls(S3Result result, S3Leg leg) {
    Map<String, Long> calls = result.calls().getOrDefault(leg, Map.of());
    int objects = result.plan().objects();
    long sent = calls.entrySet().stream().filter(e -> !e.getKey().equals(RequestCounter.attempts()))
        .mapToLong(Map.Entry::getValue).sum();
    String text = calls.entrySet().stream().filter(e -> !e.getKey().equals(RequestCounter.attempts()))
        .map(e -> e.getKey() + " " + perObject(e.getValue(), objects)).collect(Collectors.joining(", "));
    long attempts = calls.getOrDefault(RequestCounter.attempts(), 0L);
    return attempts == sent ? text : text + " (" + perObject(attempts, objects) + " HTTP attempts)";
  }

  private static String perObject(long count, int objects) {
    return count % objects == 0 ? Long.toString(count / objects)
        : String.format(Locale.ROOT, "%.2f", count / (double) objects);
  }
}
