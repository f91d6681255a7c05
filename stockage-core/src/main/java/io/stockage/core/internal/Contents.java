package io.stockage.core.internal;

import io.stockage.ByteRange;
import io.stockage.Capability;
import io.stockage.Item;
import io.stockage.ItemId;
import io.stockage.Mount;
import io.stockage.StockageException;
import io.stockage.spi.catalog.CatalogSession;
import io.stockage.spi.catalog.RevisionRecord;
import io.stockage.spi.storage.ObjectContent;
import io.stockage.spi.storage.ObjectVersion;
import java.util.Optional;

/** Reading and removing stored content, whichever way the mount keeps revisions. */
public final class Contents {
  private Contents() {}

  /** A revision of a file; a missing one (pruned, deleted, never written) is {@code NOT_FOUND}. */
  public static RevisionRecord revision(CatalogSession session, ItemId id, int number) {
    return session.revisions().find(id, number)
        .orElseThrow(() -> StockageException.notFound("no revision " + number + " of item " + id));
  }

  /**
   * A revision of a file that an operation authorized, audited and will read: the one way every
   * read path (current content, a revision, a signed URL, a share link) opens content.
   *
   * @param item the file
   * @param revision the revision to read
   */
  public record Opened(Item item, RevisionRecord revision) {
    /**
     * The content, whole or a range, streamed from the file's mount; with the item as it is, or as
     * it was at an older revision. Call after the transaction that authorized the read.
     */
    public io.stockage.Content content(EngineContext ctx, Optional<ByteRange> range) {
      ObjectContent object = open(ctx.mount(item.mount()), revision, range);
      Item asOf = revision.revision().number() == item.revision() ? item : item.withRevision(revision.revision());
      return new io.stockage.Content(asOf, object.slice(), object.stream());
    }
  }

  /** Opens a revision's content: its content-addressed blob, or its version of the item's key. */
  public static ObjectContent open(Mount mount, RevisionRecord revision, Optional<ByteRange> range) {
    return revision.versionId()
        .map(version -> mount.provider().readVersion(revision.blobKey(), version, range))
        .orElseGet(() -> mount.provider().read(revision.blobKey(), range));
  }

  /** Removes one revision's content from a natively versioned mount; content-addressed blobs are reference-counted. */
  public static void deleteVersion(Mount mount, RevisionRecord revision) {
    revision.versionId().ifPresent(version -> mount.provider().deleteVersion(revision.blobKey(), version));
  }

  /**
   * Removes a key for good: on a provider with native versioning, every version and delete
   * marker (a plain delete would only add a marker); else the object.
   */
  public static void deleteAllVersions(Mount mount, String key) {
    if (!mount.provider().capabilities().supports(Capability.NATIVE_VERSIONING)) {
      mount.provider().delete(key);
      return;
    }
    for (ObjectVersion version : mount.provider().versions(key)) {
      mount.provider().deleteVersion(key, version.versionId());
    }
  }
}
