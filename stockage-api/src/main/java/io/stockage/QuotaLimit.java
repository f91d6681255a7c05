package io.stockage;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * A limit to set with {@link Quotas}: a number of bytes, or none.
 *
 * @param bytes the limit, or empty for none
 */
public record QuotaLimit(OptionalLong bytes) {
  /** Validates. */
  public QuotaLimit {
    Objects.requireNonNull(bytes, "bytes");
    if (bytes.isPresent() && bytes.getAsLong() < 0) {
      throw StockageException.of(ErrorKind.INVALID_ARGUMENT, "a quota is not negative: " + bytes.getAsLong());
    }
  }

  /** A limit of so many bytes. */
  public static QuotaLimit of(long bytes) {
    return new QuotaLimit(OptionalLong.of(bytes));
  }

  /** No limit. */
  public static QuotaLimit none() {
    return new QuotaLimit(OptionalLong.empty());
  }
}
