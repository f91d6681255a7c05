package io.stockage;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Changes to an item's metadata; what is empty stays as it is. Tags and custom fields are
 * replaced whole.
 *
 * @param name a new name (a file keeps its extension)
 * @param tags the new tags
 * @param customFields the new custom field values, validated against the organization's
 *     definitions
 */
public record ItemPatch(Optional<String> name, Optional<Set<String>> tags, Optional<Map<String, Object>> customFields) {
  /** Validates and copies. */
  public ItemPatch {
    Objects.requireNonNull(name, "name");
    tags = tags.map(Set::copyOf);
    customFields = customFields.map(Map::copyOf);
  }

  /** A patch that changes nothing yet. */
  public static ItemPatch none() {
    return new ItemPatch(Optional.empty(), Optional.empty(), Optional.empty());
  }

  /** This patch, renaming. */
  public ItemPatch withName(String value) {
    return new ItemPatch(Optional.of(value), tags, customFields);
  }

  /** This patch, replacing the tags. */
  public ItemPatch withTags(Set<String> value) {
    return new ItemPatch(name, Optional.of(value), customFields);
  }

  /** This patch, replacing the custom fields. */
  public ItemPatch withCustomFields(Map<String, Object> value) {
    return new ItemPatch(name, tags, Optional.of(value));
  }
}
