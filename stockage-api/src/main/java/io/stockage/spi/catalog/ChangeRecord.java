package io.stockage.spi.catalog;

import io.stockage.Item;
import io.stockage.ItemId;
import io.stockage.OrgId;
import io.stockage.Project;
import io.stockage.ProjectId;
import io.stockage.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A change, written in the same transaction as the change itself (transactional outbox); the
 * catalog assigns its sequence number.
 *
 * @param org the organization
 * @param project the project
 * @param item the item, for item changes
 * @param kind what happened
 * @param revision the file's revision after the change; empty for a folder or a project
 * @param actor who did it
 * @param at when
 */
public record ChangeRecord(
    OrgId org, ProjectId project, Optional<ItemId> item, ChangeKind kind, OptionalInt revision,
    UserId actor, Instant at) {
  /** Validates. */
  public ChangeRecord {
    Objects.requireNonNull(org, "org");
    Objects.requireNonNull(project, "project");
    Objects.requireNonNull(item, "item");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(revision, "revision");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(at, "at");
  }

  /** A change of an item, as it is after the change. */
  public static ChangeRecord of(Item item, ChangeKind kind, UserId actor, Instant at) {
    return new ChangeRecord(item.org(), item.project(), Optional.of(item.id()), kind,
        item.isFolder() ? OptionalInt.empty() : OptionalInt.of(item.revision()), actor, at);
  }

  /** A change of a project itself (its members, teams or settings). */
  public static ChangeRecord of(Project project, ChangeKind kind, UserId actor, Instant at) {
    return new ChangeRecord(project.org(), project.id(), Optional.empty(), kind, OptionalInt.empty(), actor, at);
  }
}
