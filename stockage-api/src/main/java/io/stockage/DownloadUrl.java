package io.stockage;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * A URL that downloads a file's current content without credentials until it expires.
 *
 * @param url the URL
 * @param expiresAt when it stops working
 */
public record DownloadUrl(URI url, Instant expiresAt) {
  /** Validates. */
  public DownloadUrl {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }
}
