package io.stockage;

import java.time.Instant;
import java.util.Objects;

/**
 * A per-item access entry: a principal holds a role on an item and, for a folder, on
 * everything below it. Entries only add access; they never remove inherited access.
 *
 * @param item the item
 * @param principal the user or team
 * @param role the role granted
 * @param grantedBy who granted it
 * @param at when
 */
public record AccessEntry(ItemId item, Principal principal, ProjectRole role, UserId grantedBy, Instant at) {
  /** Validates. */
  public AccessEntry {
    Objects.requireNonNull(item, "item");
    Objects.requireNonNull(principal, "principal");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(grantedBy, "grantedBy");
    Objects.requireNonNull(at, "at");
  }
}
