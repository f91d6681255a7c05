package io.stockage;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One change of the feed, as the subject may see it: the item as it was right after the change.
 * {@link ChangeKind#PURGED} and {@link ChangeKind#ACCESS_LOST} carry ids only (no name, parent
 * or actor).
 *
 * @param cursor where the feed stands after this change: resume from it
 * @param kind what happened
 * @param project the project
 * @param item the item; empty for a change of the project itself
 * @param parent the item's folder; empty at the project's root
 * @param name the item's name
 * @param revision the file's revision after the change; empty for a folder or a project
 * @param actor who made the change
 * @param at when
 */
public record Change(ChangeCursor cursor, ChangeKind kind, ProjectId project, Optional<ItemId> item,
    Optional<ItemId> parent, Optional<String> name, OptionalInt revision, Optional<UserId> actor, Instant at) {
  /** Validates. */
  public Change {
    Objects.requireNonNull(cursor, "cursor");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(project, "project");
    Objects.requireNonNull(item, "item");
    Objects.requireNonNull(parent, "parent");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(revision, "revision");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(at, "at");
  }
}
