package io.stockage.spi.catalog;

import java.time.Instant;
import java.util.Objects;

/**
 * An upload's intent to store content under a key, recorded before the content is moved there.
 *
 * @param id the intent's id
 * @param mount the mount
 * @param key the key the content goes to
 * @param at when it was recorded
 */
public record BlobIntent(long id, String mount, String key, Instant at) {
  /** Validates. */
  public BlobIntent {
    Objects.requireNonNull(mount, "mount");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(at, "at");
  }
}
