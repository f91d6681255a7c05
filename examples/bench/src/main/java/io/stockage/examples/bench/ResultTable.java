package io.stockage.examples.bench;

import static io.stockage.examples.bench.Operation.COPY;
import static io.stockage.examples.bench.Operation.COPY_FSYNC;
import static io.stockage.examples.bench.Operation.DOWNLOAD;
import static io.stockage.examples.bench.Operation.UPLOAD;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** Formats the results as aligned plain-text tables, one line per size. */
final class ResultTable {
  private ResultTable() {}

  /** Median rates in MB/s, then Stockage's rates divided by the baselines'. */
  static String rates(List<SizeResult> results) {
    List<String> header = List.of("size", "runs", "upload MB/s", "download MB/s", "copy MB/s",
        "copy+fsync MB/s", "upload/copy", "download/copy", "upload/copy+fsync");
    return format(header, results, r -> List.of(r.plan().label(), runs(r),
        rate(r, UPLOAD), rate(r, DOWNLOAD), rate(r, COPY), rate(r, COPY_FSYNC),
        ratio(r, UPLOAD, COPY), ratio(r, DOWNLOAD, COPY), ratio(r, UPLOAD, COPY_FSYNC)));
  }

  /** Median run time of every operation in milliseconds, with the shortest and longest run. */
  static String times(List<SizeResult> results) {
    List<String> header = new ArrayList<>(List.of("size", "runs"));
    Arrays.stream(Operation.values()).forEach(o -> header.add(o.label() + " ms median (min-max)"));
    return format(header, results, r -> {
      List<String> row = new ArrayList<>(List.of(r.plan().label(), runs(r)));
      Arrays.stream(Operation.values()).forEach(o -> row.add(time(r.timings().get(o))));
      return row;
    });
  }

  private static String format(List<String> header, List<SizeResult> results,
      Function<SizeResult, List<String>> row) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(header);
    results.forEach(result -> rows.add(row.apply(result)));
    return TextTable.format(rows, 1);
  }

  private static String runs(SizeResult result) {
    return result.plan().warmups() + "+" + result.plan().runs();
  }

  private static String rate(SizeResult result, Operation operation) {
    return String.format(Locale.ROOT, "%.1f", result.mbPerSecond(operation));
  }

  private static String ratio(SizeResult result, Operation stockage, Operation baseline) {
    return String.format(Locale.ROOT, "%.2fx", result.ratio(stockage, baseline));
  }

  /** A median run time in milliseconds, with the shortest and longest run: {@code 12.3 (11.9-14.0)}. */
  static String time(Timings timings) {
    return String.format(Locale.ROOT, "%.1f (%.1f-%.1f)", timings.medianNanos() / 1e6,
        timings.minNanos() / 1e6, timings.maxNanos() / 1e6);
  }
}
