package io.stockage.core.internal.diff;

import java.io.InputStream;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * One revision as the differ sees it: what the catalog knows, and a way to open the content.
 * The differ opens the content at most once, only when the type has something to extract (text,
 * PDF text, image header, 3D model summary) and the two revisions' hashes differ; it streams the
 * content and closes it.
 *
 * @param revision the revision number, from 1
 * @param mimeType the recorded type; parameters ({@code ; charset=...}) are ignored
 * @param size the content size in bytes
 * @param sha256 hex SHA-256 of the content
 * @param content opens the content; may throw {@link java.io.UncheckedIOException}, which the
 *     differ reports as the property {@code error}
 */
public record Side(int revision, String mimeType, long size, String sha256, Supplier<InputStream> content) {
  /** Validates. */
  public Side {
    Objects.requireNonNull(mimeType, "mimeType");
    Objects.requireNonNull(sha256, "sha256");
    Objects.requireNonNull(content, "content");
    if (revision < 1 || size < 0) {
      throw new IllegalArgumentException("revision must be >= 1 and size >= 0: " + revision + ", " + size);
    }
  }
}
