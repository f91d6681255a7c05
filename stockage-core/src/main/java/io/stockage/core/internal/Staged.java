package io.stockage.core.internal;

import io.stockage.ErrorKind;
import io.stockage.ItemId;
import io.stockage.Mount;
import io.stockage.StockageException;
import io.stockage.VersioningMode;
import io.stockage.spi.catalog.BlobRecord;
import io.stockage.spi.catalog.CatalogSession;
import io.stockage.spi.storage.ObjectInfo;
import io.stockage.spi.storage.WriteOptions;
import java.io.InputStream;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Content streamed once to a staging key (pipeline step 3), its destination recorded as an intent
 * ({@link #intend}), then promoted to its content-addressed key inside the catalog transaction
 * (step 4). Whatever happens, {@link #cleanUp} after the transaction leaves no staging object
 * behind; a crash leaves only staging objects and intents, from which the reconciler removes
 * what no blob row claims.
 */
public final class Staged {
  private static final Logger LOG = LoggerFactory.getLogger(Staged.class);
  private static final int PROMOTION_ATTEMPTS = 3;

  private final Mount mount;
  private final String stagingKey;
  private final String sha256;
  private final long size;
  private final String mimeType;
  private final boolean owned;
  private volatile boolean moved;
  private volatile Optional<io.stockage.spi.catalog.BlobIntent> intent = Optional.empty();
  private volatile Optional<ObjectVersionRef> promotedVersion = Optional.empty();

  private Staged(Mount mount, String stagingKey, ContentScan.Result scanned, boolean owned) {
    this.mount = mount;
    this.owned = owned;
    this.stagingKey = stagingKey;
    this.sha256 = scanned.sha256();
    this.size = scanned.size();
    this.mimeType = scanned.mimeType();
  }

  /**
   * Content already staged under {@code stagingKey} and scanned (a resumable upload's assembled
   * object), promoted like content streamed by {@link #stream}; but the staging object stays its
   * owner's: {@link #cleanUp} leaves it, so that a completion that failed can be tried again.
   */
  public static Staged of(Mount mount, String stagingKey, ContentScan.Result scanned) {
    return new Staged(mount, stagingKey, scanned, false);
  }

  /**
   * Streams the bytes to a fresh staging key, checking them on the way (the policy, and the room
   * left of the storage quotas).
   *
   * @throws StockageException the policy's verdict, or the provider's failure; nothing is left
   *     under the staging key
   */
  public static Staged stream(EngineContext ctx, Mount mount, InputStream in, OptionalLong declared, String extension,
      long quotaRoom) {
    String key = BlobKeys.staging();
    UploadStream checked = UploadStream.of(ctx, in, declared, extension, quotaRoom);
    WriteOptions options = WriteOptions.defaults();
    if (declared.isPresent()) {
      options = options.withLength(declared.getAsLong());
    }
    try {
      mount.provider().write(key, checked, options);
      checked.requireEnd();
      return new Staged(mount, key, checked.result(), true);
    } catch (RuntimeException e) {
      deleteQuietly(mount, key);
      throw e;
    }
  }

  /**
   * What a promotion produced.
   *
   * @param blob the blob row referenced
   * @param versionId the new version of the item's key, on a natively versioned mount
   */
  public record Promoted(BlobRecord blob, Optional<String> versionId) {}

  private record ObjectVersionRef(String key, String versionId) {}

  /** Hex SHA-256 of the content. */
  public String sha256() {
    return sha256;
  }

  /** Size in bytes. */
  public long size() {
    return size;
  }

  /** Detected type. */
  public String mimeType() {
    return mimeType;
  }

  /**
   * Records, in a transaction of its own, the key the content is about to be stored under (its
   * content-addressed key, or on a natively versioned mount the item's key): should the
   * transaction that records it never commit, the reconciler finds the content from this intent.
   * Call before the transaction that {@link #promote}s.
   */
  public void intend(io.stockage.spi.catalog.Catalog catalog, BlobKeys.Space namespace, ItemId item, Instant now) {
    String key = key(namespace, item);
    intent = Optional.of(catalog.inTransaction(session -> session.blobs().intend(mount.name(), key, now)));
  }

  private String key(BlobKeys.Space namespace, ItemId item) {
    return mount.versioning() == VersioningMode.NATIVE ? BlobKeys.item(namespace, item)
        : BlobKeys.blob(namespace, sha256);
  }

  /**
   * Makes the content durable and adds a reference to its blob row; called inside the transaction
   * that records the revision. On a content-addressed mount the content goes to its
   * content-addressed key (identical content already stored in the namespace is referenced, not
   * stored again); on a mount with native versioning it becomes a new version of the item's key.
   */
  public Promoted promote(CatalogSession session, BlobKeys.Space namespace, ItemId item, Instant now) {
    io.stockage.spi.catalog.BlobIntent recorded = intent.orElseThrow(() ->
        new IllegalStateException("promote needs the intent recorded first"));
    if (!recorded.key().equals(key(namespace, item))) {
      throw new IllegalStateException("the intent names " + recorded.key() + ", not the key promoted to");
    }
    // Gone with this transaction's commit; kept, for the reconciler, if it rolls back.
    session.blobs().fulfil(recorded.id());
    if (mount.versioning() == VersioningMode.NATIVE) {
      return promoteAsVersion(session, BlobKeys.item(namespace, item), now);
    }
    String key = BlobKeys.blob(namespace, sha256);
    for (int attempt = 0; attempt < PROMOTION_ATTEMPTS; attempt++) {
      Optional<BlobRecord> inserted = session.blobs().insertIfAbsent(mount.name(), key, sha256, size, now);
      if (inserted.isPresent()) {
        // Our new row is locked until commit: the reconciler cannot claim the key meanwhile.
        mount.provider().move(stagingKey, key);
        moved = true;
        session.blobs().reference(inserted.get().id());
        return new Promoted(inserted.get(), Optional.empty());
      }
      Optional<BlobRecord> existing = session.blobs().lock(mount.name(), key);
      if (existing.isPresent()) {
        session.blobs().reference(existing.get().id());
        return new Promoted(existing.get(), Optional.empty());
      }
      // The reconciler removed that blob between the two statements: store it again.
    }
    throw StockageException.of(ErrorKind.UNAVAILABLE, "content store busy: blob " + key + " kept changing");
  }

  private Promoted promoteAsVersion(CatalogSession session, String key, Instant now) {
    BlobRecord blob = session.blobs().insertIfAbsent(mount.name(), key, sha256, size, now)
        .or(() -> session.blobs().lock(mount.name(), key))
        .orElseThrow(() -> StockageException.of(ErrorKind.UNAVAILABLE, "the item's blob row kept changing"));
    ObjectInfo stored = mount.provider().copy(stagingKey, key);
    String version = stored.versionId().orElseThrow(() -> StockageException.of(ErrorKind.UNEXPECTED,
        "mount " + mount.name() + " is versioned natively but its provider returned no version id"));
    promotedVersion = Optional.of(new ObjectVersionRef(key, version));
    session.blobs().reference(blob.id());
    return new Promoted(blob, Optional.of(version));
  }

  /**
   * Undoes a promotion whose transaction failed: the version it added to an item's key is
   * deleted (a content-addressed object is left to the reconciler, since another upload may
   * already reference the same content).
   */
  public void undoPromotion() {
    promotedVersion.ifPresent(v -> {
      try {
        mount.provider().deleteVersion(v.key(), v.versionId());
      } catch (RuntimeException e) {
        LOG.warn("could not delete version {} of {} on mount {}: {}", v.versionId(), v.key(), mount.name(),
            e.getMessage());
      }
    });
  }

  /** Removes the staging object unless promotion moved it (or {@link #of} staged it); call after the transaction ends. */
  public void cleanUp() {
    if (!moved && owned) {
      deleteQuietly(mount, stagingKey);
    }
  }

  private static void deleteQuietly(Mount mount, String key) {
    try {
      Contents.deleteAllVersions(mount, key);
    } catch (RuntimeException e) {
      // After the commit, whatever happens here is not the operation's outcome; the reconciler
      // removes staging objects older than its threshold.
      LOG.warn("could not delete staging object {} on mount {}: {}", key, mount.name(), e.getMessage());
    }
  }
}
