package io.stockage;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What the index holds for an item: what extraction found in its current revision.
 *
 * @param item the item
 * @param revision the revision the text and properties were extracted from; empty for a folder
 * @param properties extracted properties: {@code pages}, {@code title}, {@code author} (PDF);
 *     {@code width}, {@code height} (images); {@code meshes}, {@code nodes}, {@code materials},
 *     {@code generator} (glTF, GLB); {@code triangles}, {@code boundingBox} (STL)
 * @param keywords the distinctive terms picked from its text, best first
 * @param error why extraction failed or stopped early, if it did
 * @param indexedAt when the document was written
 */
public record Indexed(ItemId item, OptionalInt revision, Map<String, String> properties, List<String> keywords,
    Optional<String> error, Instant indexedAt) {
  /** Validates and copies. */
  public Indexed {
    Objects.requireNonNull(item, "item");
    Objects.requireNonNull(revision, "revision");
    properties = Map.copyOf(properties);
    keywords = List.copyOf(keywords);
    Objects.requireNonNull(error, "error");
    Objects.requireNonNull(indexedAt, "indexedAt");
  }
}
