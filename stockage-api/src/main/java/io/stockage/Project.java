package io.stockage;

import java.time.Instant;
import java.util.Objects;

/**
 * A project: the workspace documents belong to.
 *
 * @param id stable id
 * @param org owning organization
 * @param slug unique within the organization; used in URLs
 * @param title display title
 * @param description free text, possibly empty
 * @param category free classification, possibly empty
 * @param status free status, {@code active} by default
 * @param mount the managed mount its documents are stored on
 * @param creator the user who created it
 * @param createdAt creation time
 */
public record Project(
    ProjectId id,
    OrgId org,
    String slug,
    String title,
    String description,
    String category,
    String status,
    String mount,
    UserId creator,
    Instant createdAt) {
  /** Validates. */
  public Project {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(org, "org");
    Objects.requireNonNull(slug, "slug");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(mount, "mount");
    Objects.requireNonNull(creator, "creator");
    Objects.requireNonNull(createdAt, "createdAt");
  }
}
