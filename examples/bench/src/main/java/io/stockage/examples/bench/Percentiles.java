package io.stockage.examples.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Latency samples in nanoseconds: nearest-rank percentiles, printed in milliseconds. */
final class Percentiles {
  private Percentiles() {}

  /** The p-th percentile (nearest rank) of the samples; -1 for none. */
  static long of(List<Long> samples, int p) {
    List<Long> sorted = new ArrayList<>(samples);
    Collections.sort(sorted);
    return sorted.isEmpty() ? -1 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
  }

  /** Nanoseconds as milliseconds with one decimal; "-" for none. */
  static String ms(long nanos) {
    return nanos < 0 ? "-" : String.format(Locale.ROOT, "%.1f", nanos / 1e6);
  }

  /**
   * The time from when the named operation was answered to {@code now}, waiting for the answer's
   * time to be recorded (a listener may run before the caller records it); 0 when it came first.
   */
  static long since(Map<String, Long> answered, String name, long now) {
    Long at = answered.get(name);
    while (at == null) {
      Thread.onSpinWait();
      at = answered.get(name);
    }
    return Math.max(0, now - at);
  }
}
