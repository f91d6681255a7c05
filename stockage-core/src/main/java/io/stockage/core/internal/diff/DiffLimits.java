package io.stockage.core.internal.diff;

import java.time.Duration;
import java.util.Objects;

/**
 * How much one diff may read, hold and take. Past a limit the diff stops reading and reports
 * {@link io.stockage.Diff#truncated()} instead of running out of memory or time.
 *
 * @param maxBytes per side: bytes of text-like content read, characters of PDF text extracted,
 *     bytes of glTF JSON (file or GLB chunk) parsed, bytes an image header may span
 * @param maxLines per side: lines compared
 * @param maxHunks hunks reported
 * @param timeout for the whole diff, checked cooperatively: on every read of content, every piece
 *     of PDF text and every step of the diff algorithm (a parser stuck between those is not cut).
 *     It is also what bounds an STL scan, which reads the model to its end in constant memory.
 *     When it passes while a side is read, the diff keeps only the catalog properties; when it
 *     passes while lines are compared, it gives one coarse hunk from the first to the last change
 */
public record DiffLimits(long maxBytes, int maxLines, int maxHunks, Duration timeout) {
  /** 8 MiB of text per side. */
  public static final long DEFAULT_MAX_BYTES = 8L << 20;
  /** 20 000 lines per side. */
  public static final int DEFAULT_MAX_LINES = 20_000;
  /** 200 hunks. */
  public static final int DEFAULT_MAX_HUNKS = 200;
  /** 10 seconds per diff. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  // Content up to maxBytes is held in one array; the JVM caps arrays a little below 2^31.
  private static final long LARGEST_MAX_BYTES = Integer.MAX_VALUE - 16;
  private static final Duration LONGEST_TIMEOUT = Duration.ofDays(1);

  /** Validates. */
  public DiffLimits {
    Objects.requireNonNull(timeout, "timeout");
    if (maxBytes < 1 || maxBytes > LARGEST_MAX_BYTES) {
      throw new IllegalArgumentException("maxBytes must be in [1, " + LARGEST_MAX_BYTES + "]: " + maxBytes);
    }
    if (maxLines < 1 || maxHunks < 1) {
      throw new IllegalArgumentException("maxLines and maxHunks must be positive: " + maxLines + ", " + maxHunks);
    }
    if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(LONGEST_TIMEOUT) > 0) {
      throw new IllegalArgumentException("timeout must be in (0, 1 day]: " + timeout);
    }
  }

  /** 8 MiB and 20 000 lines per side, 200 hunks, 10 seconds. */
  public static DiffLimits defaults() {
    return new DiffLimits(DEFAULT_MAX_BYTES, DEFAULT_MAX_LINES, DEFAULT_MAX_HUNKS, DEFAULT_TIMEOUT);
  }

  /** The given byte and line limits, with the default hunk limit and timeout. */
  public static DiffLimits of(long maxBytes, int maxLines) {
    return new DiffLimits(maxBytes, maxLines, DEFAULT_MAX_HUNKS, DEFAULT_TIMEOUT);
  }

  /** These limits with another hunk limit. */
  public DiffLimits withMaxHunks(int hunks) {
    return new DiffLimits(maxBytes, maxLines, hunks, timeout);
  }

  /** These limits with another timeout. */
  public DiffLimits withTimeout(Duration duration) {
    return new DiffLimits(maxBytes, maxLines, maxHunks, duration);
  }

  /** {@link #maxBytes()} as an {@code int}, which the validation guarantees it fits. */
  int maxBytesInt() {
    return (int) maxBytes;
  }
}
