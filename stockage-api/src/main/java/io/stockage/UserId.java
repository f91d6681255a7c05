package io.stockage;

import java.util.Objects;

/**
 * The id of a user, as the host application knows it (Stockage authenticates no one).
 *
 * @param value non-blank, at most 128 characters
 */
public record UserId(String value) implements Principal {
  /** Validates the id. */
  public UserId {
    Objects.requireNonNull(value, "value");
    if (value.isBlank() || value.length() > 128) {
      throw StockageException.of(ErrorKind.INVALID_ARGUMENT, "a user id must be 1 to 128 characters");
    }
  }

  /** The id with the given value. */
  public static UserId of(String value) {
    return new UserId(value);
  }

  @Override
  public String toString() {
    return value;
  }

  /** {@link Principal.Kind#USER}. */
  @Override
  public Principal.Kind kind() {
    return Principal.Kind.USER;
  }
}
