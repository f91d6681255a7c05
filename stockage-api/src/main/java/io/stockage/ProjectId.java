package io.stockage;

import java.util.Objects;
import java.util.UUID;

/**
 * The stable id of a project, assigned by Stockage; it never changes on rename or move.
 *
 * @param value the UUID
 */
public record ProjectId(UUID value) {
  /** Validates the id. */
  public ProjectId {
    Objects.requireNonNull(value, "value");
  }

  /** A new random id. */
  public static ProjectId random() {
    return new ProjectId(UUID.randomUUID());
  }

  /** The id with the given value. */
  public static ProjectId of(UUID value) {
    return new ProjectId(value);
  }

  /**
   * Parses the text form of an id.
   *
   * @throws StockageException {@link ErrorKind#NOT_FOUND} when the text is not an id: such an id
   *     names nothing, and callers must not learn more than that
   */
  public static ProjectId parse(String text) {
    Objects.requireNonNull(text, "text");
    try {
      return new ProjectId(UUID.fromString(text));
    } catch (IllegalArgumentException e) {
      throw StockageException.notFound("no project " + text);
    }
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
