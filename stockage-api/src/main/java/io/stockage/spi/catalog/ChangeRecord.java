package io.stockage.spi.catalog;

import io.stockage.ChangeKind;
import io.stockage.Item;
import io.stockage.ItemId;
import io.stockage.OrgId;
import io.stockage.Principal;
import io.stockage.Project;
import io.stockage.ProjectId;
import io.stockage.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A change, written in the same transaction as the change itself (transactional outbox); the
 * catalog gives it its place in the feed. Besides what a reader is shown, it keeps what deciding
 * who may read it needs once the item has changed again or is gone.
 *
 * @param org the organization
 * @param project the project; empty for a change of a live mount
 * @param item the item, for item changes
 * @param kind what happened
 * @param revision the file's revision after the change; empty for a folder or a project
 * @param parent the item's folder after the change; empty at the root
 * @param name the item's name after the change
 * @param from for a move, the folder it left; empty when it left the root or did not move
 * @param principal for a change of access, whose access changed (a revoked entry, a removed member)
 * @param vault whether the item is a vault item
 * @param owner the item's owner
 * @param actor who did it; empty for a change seen on a live mount's backend
 * @param mount the live mount, for a change of one
 * @param path the entry's path in the live mount
 * @param at when
 */
public record ChangeRecord(
    OrgId org, Optional<ProjectId> project, Optional<ItemId> item, ChangeKind kind, OptionalInt revision,
    Optional<ItemId> parent, Optional<String> name, Optional<ItemId> from, Optional<Principal> principal,
    boolean vault, Optional<UserId> owner, Optional<UserId> actor, Optional<String> mount, Optional<String> path,
    Instant at) {
  /** Validates. */
  public ChangeRecord {
    Objects.requireNonNull(org, "org");
    Objects.requireNonNull(project, "project");
    Objects.requireNonNull(item, "item");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(revision, "revision");
    Objects.requireNonNull(parent, "parent");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(principal, "principal");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(mount, "mount");
    Objects.requireNonNull(path, "path");
    if (project.isEmpty() == path.isEmpty()) {
      throw new IllegalArgumentException("a change names a project, or a live mount's path");
    }
    Objects.requireNonNull(at, "at");
  }

  /** A change of an item, as it is after the change. */
  public static ChangeRecord of(Item item, ChangeKind kind, UserId actor, Instant at) {
    return new ChangeRecord(item.org(), Optional.of(item.project()), Optional.of(item.id()), kind,
        item.isFolder() ? OptionalInt.empty() : OptionalInt.of(item.revision()), item.parent(),
        Optional.of(item.name()), Optional.empty(), Optional.empty(), item.vault(), Optional.of(item.owner()),
        Optional.of(actor), Optional.empty(), Optional.empty(), at);
  }

  /** A change of a project itself (its members, teams or settings). */
  public static ChangeRecord of(Project project, ChangeKind kind, UserId actor, Instant at) {
    return new ChangeRecord(project.org(), Optional.of(project.id()), Optional.empty(), kind, OptionalInt.empty(),
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), false, Optional.empty(),
        Optional.of(actor), Optional.empty(), Optional.empty(), at);
  }

  /** A change seen on a live mount's backend (no actor: it was made there). */
  public static ChangeRecord external(OrgId org, String mount, String path, String name, ChangeKind kind, Instant at) {
    return new ChangeRecord(org, Optional.empty(), Optional.empty(), kind, OptionalInt.empty(), Optional.empty(),
        Optional.of(name), Optional.empty(), Optional.empty(), false, Optional.empty(), Optional.empty(),
        Optional.of(mount), Optional.of(path), at);
  }

  /** This change, as a move out of the given folder (empty: out of the root). */
  public ChangeRecord movedFrom(Optional<ItemId> folder) {
    return new ChangeRecord(org, project, item, kind, revision, parent, name, folder, principal, vault, owner, actor,
        mount, path, at);
  }

  /** This change, as one of the given principal's access. */
  public ChangeRecord concerning(Principal whose) {
    return new ChangeRecord(org, project, item, kind, revision, parent, name, from, Optional.of(whose), vault, owner,
        actor, mount, path, at);
  }
}
