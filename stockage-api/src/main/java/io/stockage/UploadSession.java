package io.stockage;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A resumable upload as it stands.
 *
 * @param id its id
 * @param target what it will make
 * @param offset how many bytes are stored
 * @param expiresAt when it is dropped if not completed
 * @param completed whether it made its file
 * @param item the managed file it made, once completed (a live mount's file has its path)
 */
public record UploadSession(UploadId id, NewUpload target, long offset, Instant expiresAt, boolean completed,
    Optional<ItemId> item) {
  /** Validates. */
  public UploadSession {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(expiresAt, "expiresAt");
    Objects.requireNonNull(item, "item");
  }

  /** The declared total length, if any yet. */
  public OptionalLong length() {
    return target.length();
  }

  /** Whether every byte is stored (the length is known and reached). */
  public boolean full() {
    return target.length().isPresent() && offset == target.length().getAsLong();
  }
}
