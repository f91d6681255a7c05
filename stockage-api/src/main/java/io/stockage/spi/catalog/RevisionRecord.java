package io.stockage.spi.catalog;

import io.stockage.Revision;
import java.util.Objects;

/**
 * A revision with where its content is stored; the storage side is never shown to users.
 *
 * @param revision the revision
 * @param blobId the blob holding its content
 * @param blobKey the blob's key on the item's mount
 * @param versionId on a mount with {@link io.stockage.VersioningMode#NATIVE} versioning, the
 *     backend's version of {@code blobKey} holding this revision; empty for content-addressed blobs
 */
public record RevisionRecord(Revision revision, long blobId, String blobKey, java.util.Optional<String> versionId) {
  /** Validates. */
  public RevisionRecord {
    Objects.requireNonNull(revision, "revision");
    Objects.requireNonNull(blobKey, "blobKey");
    Objects.requireNonNull(versionId, "versionId");
  }

  /** A revision held by a content-addressed blob. */
  public RevisionRecord(Revision revision, long blobId, String blobKey) {
    this(revision, blobId, blobKey, java.util.Optional.empty());
  }
}
