package io.stockage;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One change of the feed, as the subject may see it: the item as it was right after the change.
 * {@link ChangeKind#ACCESS_LOST} carries ids only (no name, parent or actor). A change of a live
 * mount names its mount and path instead of a project and an item, and has no actor: it was seen
 * on the backend ({@link ChangeKind#ADDED}, {@link ChangeKind#UPDATED}, {@link ChangeKind#PURGED};
 * a rename shows as the old path purged and the new one added).
 *
 * @param cursor where the feed stands after this change: resume from it
 * @param kind what happened
 * @param project the project; empty for a change of a live mount
 * @param item the item; empty for a change of the project itself or of a live mount
 * @param parent the item's folder; empty at the project's root
 * @param name the item's name
 * @param revision the file's revision after the change; empty for a folder or a project
 * @param actor who made the change; empty for a change seen on a live mount's backend
 * @param mount the live mount, for a change of one
 * @param path the entry's path in the live mount
 * @param at when
 */
public record Change(ChangeCursor cursor, ChangeKind kind, Optional<ProjectId> project, Optional<ItemId> item,
    Optional<ItemId> parent, Optional<String> name, OptionalInt revision, Optional<UserId> actor,
    Optional<String> mount, Optional<String> path, Instant at) {
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
    Objects.requireNonNull(mount, "mount");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(at, "at");
  }
}
