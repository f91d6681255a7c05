package io.stockage;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A file or folder of a managed mount, as it is now.
 *
 * @param id stable id, unchanged by rename and move
 * @param org owning organization
 * @param project the project it belongs to
 * @param parent the folder it is in; empty at the project's root
 * @param type file or folder
 * @param name NFC-normalized name, unique among its live siblings
 * @param mount the mount its content is stored on
 * @param size content size in bytes of the current revision; 0 for a folder
 * @param mimeType detected type of the current revision; {@code inode/directory} for a folder
 * @param sha256 hex SHA-256 of the current revision; empty for a folder
 * @param revision current revision number, from 1; 0 for a folder
 * @param owner the user who created it; an owner holds {@link ProjectRole#ADMIN} on it
 * @param vault whether it is a vault item (own key namespace, no organization-wide access)
 * @param tags lower-case keywords, filterable in listings and search
 * @param customFields values of the organization's custom fields (see {@link FieldDefinition}):
 *     {@code String}, {@code Long}, {@code Double}, {@code Boolean}; dates as ISO-8601 strings
 * @param createdAt creation time
 * @param updatedAt time of the last change
 * @param deletedAt when it was moved to the trash; empty when live
 */
public record Item(
    ItemId id,
    OrgId org,
    ProjectId project,
    Optional<ItemId> parent,
    ItemType type,
    String name,
    String mount,
    long size,
    String mimeType,
    String sha256,
    int revision,
    UserId owner,
    boolean vault,
    Set<String> tags,
    Map<String, Object> customFields,
    Instant createdAt,
    Instant updatedAt,
    Optional<Instant> deletedAt) {
  /** The MIME type of a folder. */
  public static final String FOLDER_TYPE = "inode/directory";

  /** Validates. */
  public Item {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(org, "org");
    Objects.requireNonNull(project, "project");
    Objects.requireNonNull(parent, "parent");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(mount, "mount");
    Objects.requireNonNull(mimeType, "mimeType");
    Objects.requireNonNull(sha256, "sha256");
    Objects.requireNonNull(owner, "owner");
    tags = Set.copyOf(tags);
    customFields = Map.copyOf(customFields);
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    Objects.requireNonNull(deletedAt, "deletedAt");
  }

  /** This item under another name, changed at {@code at}. */
  public Item withName(String newName, Instant at) {
    return new Item(id, org, project, parent, type, newName, mount, size, mimeType, sha256, revision, owner, vault,
        tags, customFields, createdAt, at, deletedAt);
  }

  /** This item in a folder of its project, changed at {@code at}. */
  public Item withParent(ItemId folder, Instant at) {
    return placed(Optional.of(folder), at);
  }

  /** This item at its project's root, changed at {@code at}. */
  public Item atRoot(Instant at) {
    return placed(Optional.empty(), at);
  }

  private Item placed(Optional<ItemId> newParent, Instant at) {
    return new Item(id, org, project, newParent, type, name, mount, size, mimeType, sha256, revision, owner, vault,
        tags, customFields, createdAt, at, deletedAt);
  }

  /** This file at a revision: that revision's number, size, type and hash, changed when it was written. */
  public Item withRevision(Revision current) {
    return new Item(id, org, project, parent, type, name, mount, current.size(), current.mimeType(), current.sha256(),
        current.number(), owner, vault, tags, customFields, createdAt, current.createdAt(), deletedAt);
  }

  /** This item with other tags and custom fields (values as validated by the engine). */
  public Item withMetadata(Set<String> newTags, Map<String, Object> newFields, Instant at) {
    return new Item(id, org, project, parent, type, name, mount, size, mimeType, sha256, revision, owner, vault,
        newTags, newFields, createdAt, at, deletedAt);
  }

  /** Whether this item is a folder. */
  public boolean isFolder() {
    return type == ItemType.FOLDER;
  }

  /** Whether this item is in the trash. */
  public boolean isTrashed() {
    return deletedAt.isPresent();
  }

  /**
   * A string that changes whenever the content changes: the revision number on managed mounts.
   */
  public String version() {
    return Integer.toString(revision);
  }

  /** A strong entity tag for the current content: its SHA-256. */
  public String etag() {
    return sha256;
  }
}
