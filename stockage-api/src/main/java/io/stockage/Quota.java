package io.stockage;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * A scope's storage usage and limit ({@link Quotas}).
 *
 * @param usedBytes the bytes of the distinct contents its files hold
 * @param limitBytes its limit, when it has one
 */
public record Quota(long usedBytes, OptionalLong limitBytes) {
  /** Validates. */
  public Quota {
    Objects.requireNonNull(limitBytes, "limitBytes");
  }

  /** What is left under the limit (never negative), when there is one. */
  public OptionalLong remainingBytes() {
    return limitBytes.isPresent() ? OptionalLong.of(Math.max(0, limitBytes.getAsLong() - usedBytes))
        : OptionalLong.empty();
  }
}
