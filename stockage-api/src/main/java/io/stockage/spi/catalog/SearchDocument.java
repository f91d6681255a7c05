package io.stockage.spi.catalog;

import io.stockage.ItemId;
import io.stockage.OrgId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What the index holds for one item; the catalog builds its weighted {@code tsvector} from it.
 *
 * @param item the item
 * @param org its organization
 * @param revision the revision the text was extracted from; empty for a folder
 * @param name the item's name (weight A)
 * @param metadata tags, keywords, custom-field values and extracted property values (weight B)
 * @param body the extracted text, capped (weight C, and the snippets' source)
 * @param keywords the distinctive terms picked from the text
 * @param properties what extraction found (pages, title, dimensions, meshes...)
 * @param error why extraction failed or stopped, if it did
 * @param indexedAt when it was written (as read back; the writer's value is ignored)
 */
public record SearchDocument(ItemId item, OrgId org, OptionalInt revision, String name, String metadata, String body,
    List<String> keywords, Map<String, String> properties, Optional<String> error, java.time.Instant indexedAt) {
  /** Validates and copies. */
  public SearchDocument {
    Objects.requireNonNull(item, "item");
    Objects.requireNonNull(org, "org");
    Objects.requireNonNull(revision, "revision");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(body, "body");
    keywords = List.copyOf(keywords);
    properties = Map.copyOf(properties);
    Objects.requireNonNull(error, "error");
    Objects.requireNonNull(indexedAt, "indexedAt");
  }
}
