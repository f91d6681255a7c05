package io.stockage;

import java.util.Objects;
import java.util.UUID;

/**
 * The stable id of a item, assigned by Stockage; it never changes on rename or move.
 *
 * @param value the UUID
 */
public record ItemId(UUID value) {
  /** Validates the id. */
  public ItemId {
    Objects.requireNonNull(value, "value");
  }

  /** A new random id. */
  public static ItemId random() {
    return new ItemId(UUID.randomUUID());
  }

  /** The id with the given value. */
  public static ItemId of(UUID value) {
    return new ItemId(value);
  }

  /**
   * Parses the text form of an id.
   *
   * @throws StockageException {@link ErrorKind#NOT_FOUND} when the text is not an id: such an id
   *     names nothing, and callers must not learn more than that
   */
  public static ItemId parse(String text) {
    Objects.requireNonNull(text, "text");
    try {
      return new ItemId(UUID.fromString(text));
    } catch (IllegalArgumentException e) {
      throw StockageException.notFound("no item " + text);
    }
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
