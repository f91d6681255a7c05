package io.stockage;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Which revisions of a file to keep: the last {@code keepLast} and/or those younger than
 * {@code maxAge}. A revision is pruned only when every rule that is set lets it go; the current
 * revision is never pruned, and content is removed only when no revision references it.
 *
 * @param keepLast keep the newest N revisions (N ≥ 1)
 * @param maxAge keep revisions younger than this
 */
public record RetentionPolicy(OptionalInt keepLast, Optional<Duration> maxAge) {
  /** Validates. */
  public RetentionPolicy {
    Objects.requireNonNull(keepLast, "keepLast");
    Objects.requireNonNull(maxAge, "maxAge");
    if (keepLast.isPresent() && keepLast.getAsInt() < 1) {
      throw StockageException.of(ErrorKind.CONFIG_INVALID, "retention keeps at least the last revision");
    }
    if (maxAge.isPresent() && (maxAge.get().isNegative() || maxAge.get().isZero())) {
      throw StockageException.of(ErrorKind.CONFIG_INVALID, "a retention age must be positive");
    }
  }

  /** Keep everything (the default). */
  public static RetentionPolicy keepAll() {
    return new RetentionPolicy(OptionalInt.empty(), Optional.empty());
  }

  /** Keep the newest {@code n} revisions. */
  public static RetentionPolicy keepLast(int n) {
    return new RetentionPolicy(OptionalInt.of(n), Optional.empty());
  }

  /** Keep revisions younger than {@code age}. */
  public static RetentionPolicy maxAge(Duration age) {
    return new RetentionPolicy(OptionalInt.empty(), Optional.of(age));
  }

  /** Whether this policy ever prunes. */
  public boolean prunes() {
    return keepLast.isPresent() || maxAge.isPresent();
  }
}
