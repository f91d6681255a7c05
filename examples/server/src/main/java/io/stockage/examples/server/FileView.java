package io.stockage.examples.server;

import io.stockage.Item;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The JSON form of an item.
 *
 * @param id stable id
 * @param type {@code FILE} or {@code FOLDER}
 * @param name name
 * @param folder the id of its folder; null at the project's root
 * @param size size in bytes
 * @param mimeType detected type
 * @param sha256 hex SHA-256 (also the {@code ETag})
 * @param revision current revision
 * @param createdAt creation time
 * @param updatedAt last change
 * @param uploadedBy the owner
 * @param tags tags
 * @param customFields custom field values
 * @param deleted whether it is in the trash
 */
public record FileView(
    String id, String type, String name, String folder, long size, String mimeType, String sha256, int revision,
    Instant createdAt, Instant updatedAt, String uploadedBy, Set<String> tags, Map<String, Object> customFields,
    boolean deleted, Map<String, String> properties, java.util.List<String> keywords) {

  static FileView of(Item item) {
    return new FileView(item.id().toString(), item.type().name(), item.name(),
        item.parent().map(Object::toString).orElse(null), item.size(), item.mimeType(), item.sha256(), item.revision(),
        item.createdAt(), item.updatedAt(), item.owner().value(), new TreeSet<>(item.tags()), item.customFields(),
        item.isTrashed(), null, null);
  }

  /** The item with what the index extracted from it (empty maps until it is indexed). */
  static FileView of(Item item, java.util.Optional<io.stockage.Indexed> indexed) {
    FileView base = of(item);
    return new FileView(base.id(), base.type(), base.name(), base.folder(), base.size(), base.mimeType(),
        base.sha256(), base.revision(), base.createdAt(), base.updatedAt(), base.uploadedBy(), base.tags(),
        base.customFields(), base.deleted(), new java.util.TreeMap<>(indexed.map(io.stockage.Indexed::properties)
            .orElse(Map.of())), indexed.map(io.stockage.Indexed::keywords).orElse(java.util.List.of()));
  }
}
