package io.stockage;

import java.util.Objects;
import java.util.UUID;

/**
 * The id of a resumable upload session ({@link Uploads}).
 *
 * @param value the id
 */
public record UploadId(UUID value) {
  /** Validates. */
  public UploadId {
    Objects.requireNonNull(value, "value");
  }

  /** A new random id. */
  public static UploadId random() {
    return new UploadId(UUID.randomUUID());
  }

  /** The id in its text form; {@code NOT_FOUND} when it is not one (no session has it). */
  public static UploadId parse(String text) {
    try {
      return new UploadId(UUID.fromString(text));
    } catch (IllegalArgumentException e) {
      throw StockageException.notFound("no upload " + text);
    }
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
