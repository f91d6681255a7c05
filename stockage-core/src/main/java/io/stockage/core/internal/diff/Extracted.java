package io.stockage.core.internal.diff;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What extraction found in one revision, for the search index.
 *
 * @param text the text (PDF text, a text file's lines), capped; empty for other types
 * @param properties the properties (pages, title, author; width, height; meshes, nodes; triangles...)
 * @param error why extraction failed or stopped early, if it did
 * @param thumbnail a PDF's first page as a PNG, rendered from the document the text came from
 *     ({@link Thumbnails} makes the other types' from the properties or the content)
 */
public record Extracted(String text, Map<String, String> properties, Optional<String> error,
    Optional<byte[]> thumbnail) {
  /** Validates and copies. */
  public Extracted {
    Objects.requireNonNull(text, "text");
    properties = Map.copyOf(properties);
    Objects.requireNonNull(error, "error");
    Objects.requireNonNull(thumbnail, "thumbnail");
  }
}
