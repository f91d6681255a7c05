package io.stockage;

import java.util.Objects;

/**
 * The id of a team, as the host application knows it (Stockage authenticates no one).
 *
 * @param value non-blank, at most 128 characters
 */
public record TeamId(String value) implements Principal {
  /** Validates the id. */
  public TeamId {
    Objects.requireNonNull(value, "value");
    if (value.isBlank() || value.length() > 128) {
      throw StockageException.of(ErrorKind.INVALID_ARGUMENT, "a team id must be 1 to 128 characters");
    }
  }

  /** The id with the given value. */
  public static TeamId of(String value) {
    return new TeamId(value);
  }

  @Override
  public String toString() {
    return value;
  }

  /** {@link Principal.Kind#TEAM}. */
  @Override
  public Principal.Kind kind() {
    return Principal.Kind.TEAM;
  }
}
