package io.stockage.spi;

import io.stockage.ItemId;
import io.stockage.OrgId;
import io.stockage.ProjectId;
import io.stockage.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A change, written in the same transaction as the change itself (transactional outbox); the
 * catalog assigns its sequence number.
 *
 * @param org the organization
 * @param project the project
 * @param item the item, for item changes
 * @param kind what happened
 * @param revision the item's revision after the change; 0 when not applicable
 * @param actor who did it
 * @param at when
 */
public record ChangeRecord(
    OrgId org, ProjectId project, Optional<ItemId> item, ChangeKind kind, int revision,
    UserId actor, Instant at) {
  /** Validates. */
  public ChangeRecord {
    Objects.requireNonNull(org, "org");
    Objects.requireNonNull(project, "project");
    Objects.requireNonNull(item, "item");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(at, "at");
  }
}
