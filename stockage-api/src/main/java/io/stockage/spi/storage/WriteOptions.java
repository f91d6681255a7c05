package io.stockage.spi.storage;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * How to write an object.
 *
 * @param length the exact length of the data when known (lets S3 skip multipart for small data)
 * @param contentType the MIME type to store with the object, when the backend keeps one
 * @param ifAbsent create only: fail with {@code ALREADY_EXISTS} when the key exists
 *     (needs {@link io.stockage.Capability#WRITE_CONDITIONAL})
 * @param ifMatch replace only the object with this etag, else fail with {@code CONFLICT}
 *     (needs {@link io.stockage.Capability#WRITE_CONDITIONAL})
 */
public record WriteOptions(
    OptionalLong length, Optional<String> contentType, boolean ifAbsent, Optional<String> ifMatch) {
  /** Validates. */
  public WriteOptions {
    Objects.requireNonNull(length, "length");
    Objects.requireNonNull(contentType, "contentType");
    Objects.requireNonNull(ifMatch, "ifMatch");
    if (ifAbsent && ifMatch.isPresent()) {
      throw new IllegalArgumentException("ifAbsent and ifMatch exclude each other");
    }
  }

  /** An unconditional write of unknown length. */
  public static WriteOptions defaults() {
    return new WriteOptions(OptionalLong.empty(), Optional.empty(), false, Optional.empty());
  }

  /** These options with a known length. */
  public WriteOptions withLength(long bytes) {
    return new WriteOptions(OptionalLong.of(bytes), contentType, ifAbsent, ifMatch);
  }

  /** These options with a content type. */
  public WriteOptions withContentType(String type) {
    return new WriteOptions(length, Optional.of(type), ifAbsent, ifMatch);
  }

  /** These options, creating only. */
  public WriteOptions onlyIfAbsent() {
    return new WriteOptions(length, contentType, true, Optional.empty());
  }

  /** These options, replacing only the object with this etag. */
  public WriteOptions onlyIfMatch(String etag) {
    return new WriteOptions(length, contentType, false, Optional.of(etag));
  }
}
