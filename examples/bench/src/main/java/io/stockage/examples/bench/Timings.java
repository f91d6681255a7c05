package io.stockage.examples.bench;

import java.util.ArrayList;
import java.util.List;

/** The durations of one operation's measured runs at one size. Not thread-safe. */
final class Timings {
  private final List<Long> nanos = new ArrayList<>();

  /** Records one measured run. */
  void add(long durationNanos) {
    nanos.add(durationNanos);
  }

  /** The median duration in nanoseconds; the mean of the middle two for an even count. */
  double medianNanos() {
    if (nanos.isEmpty()) {
      throw new IllegalStateException("no run was measured");
    }
    List<Long> sorted = nanos.stream().sorted().toList();
    int middle = sorted.size() / 2;
    return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2.0;
  }

  /** The shortest measured run, in nanoseconds. */
  long minNanos() {
    return nanos.stream().mapToLong(Long::longValue).min().orElseThrow();
  }

  /** The longest measured run, in nanoseconds. */
  long maxNanos() {
    return nanos.stream().mapToLong(Long::longValue).max().orElseThrow();
  }

  /** The rate of the median run moving {@code bytes}, in MB (2^20 bytes) per second. */
  double mbPerSecond(long bytes) {
    return bytes / (double) SizePlan.MB / (medianNanos() / 1e9);
  }
}
