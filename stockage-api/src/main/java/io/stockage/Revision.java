package io.stockage;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * An immutable content version of a file: revision n = 1, 2, 3...
 *
 * @param item the file
 * @param number revision number, from 1
 * @param size content size in bytes
 * @param sha256 hex SHA-256 of the content
 * @param mimeType detected type
 * @param author who wrote it
 * @param createdAt when it was written
 * @param comment optional comment
 * @param restoredFrom the revision it restores, for a restore
 * @param properties what extraction found in it (pages, title, dimensions, mesh names...), once indexed
 */
public record Revision(
    ItemId item,
    int number,
    long size,
    String sha256,
    String mimeType,
    UserId author,
    Instant createdAt,
    Optional<String> comment,
    OptionalInt restoredFrom,
    java.util.Map<String, String> properties) {
  /** Validates. */
  public Revision {
    Objects.requireNonNull(item, "item");
    Objects.requireNonNull(sha256, "sha256");
    Objects.requireNonNull(mimeType, "mimeType");
    Objects.requireNonNull(author, "author");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(comment, "comment");
    Objects.requireNonNull(restoredFrom, "restoredFrom");
    properties = java.util.Map.copyOf(properties);
    if (number < 1 || size < 0) {
      throw new IllegalArgumentException("revision number must be >= 1 and size >= 0");
    }
  }

  /** A revision whose properties are not extracted yet. */
  public Revision(ItemId item, int number, long size, String sha256, String mimeType, UserId author, Instant createdAt,
      Optional<String> comment, OptionalInt restoredFrom) {
    this(item, number, size, sha256, mimeType, author, createdAt, comment, restoredFrom, java.util.Map.of());
  }
}
