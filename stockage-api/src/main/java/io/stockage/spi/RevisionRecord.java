package io.stockage.spi;

import io.stockage.Revision;
import java.util.Objects;

/**
 * A revision with where its content is stored; the storage side is never shown to users.
 *
 * @param revision the revision
 * @param blobId the blob holding its content
 * @param blobKey the blob's key on the item's mount
 */
public record RevisionRecord(Revision revision, long blobId, String blobKey) {
  /** Validates. */
  public RevisionRecord {
    Objects.requireNonNull(revision, "revision");
    Objects.requireNonNull(blobKey, "blobKey");
  }
}
