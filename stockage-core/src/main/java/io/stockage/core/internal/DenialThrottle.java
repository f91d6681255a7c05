package io.stockage.core.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.OptionalLong;

/**
 * Aggregates the audit rows of refused bearer requests (a revoked share link, an altered signed
 * URL). Each audited write waits for the organization's audit head, so a flood of one refused
 * token would serialize every audited operation of the organization behind it. Per key (a link,
 * a file), the first refusal of a window is audited and carries the count of the refusals the
 * previous window did not audit; the others are only counted. At most {@code 10,000} keys are
 * tracked; a key evicted early only means one more audited row.
 */
final class DenialThrottle {
  private static final Duration WINDOW = Duration.ofMinutes(1);

  private final InstantSource clock;
  private final Cache<String, Window> windows = Caffeine.newBuilder().maximumSize(10_000).build();

  DenialThrottle(InstantSource clock) {
    this.clock = clock;
  }

  /**
   * Whether this refusal is audited: the number of refusals of that key left unaudited since the
   * last audited one, or empty when this one is only counted.
   */
  OptionalLong admit(String key) {
    Instant now = clock.instant();
    Window window = windows.get(key, k -> new Window());
    synchronized (window) {
      if (window.start != null && now.isBefore(window.start.plus(WINDOW))) {
        window.suppressed++;
        return OptionalLong.empty();
      }
      long suppressed = window.suppressed;
      window.start = now;
      window.suppressed = 0;
      return OptionalLong.of(suppressed);
    }
  }

  private static final class Window {
    private Instant start;
    private long suppressed;
  }
}
