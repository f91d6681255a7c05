package io.stockage.core.internal;

import io.stockage.ErrorKind;
import io.stockage.ItemId;
import io.stockage.Mount;
import io.stockage.StockageException;
import io.stockage.VersioningMode;
import io.stockage.spi.catalog.BlobRecord;
import io.stockage.spi.catalog.BlobRecords;
import io.stockage.spi.catalog.CatalogSession;
import io.stockage.spi.storage.ObjectInfo;
import io.stockage.spi.storage.WriteOptions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Enumeration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Content streamed once to a staging key (pipeline step 3), its destination recorded as an intent
 * ({@link #intend}), then promoted to its content-addressed key inside the catalog transaction
 * (step 4). Whatever happens, {@link #cleanUp} after the transaction leaves no staging object
 * behind; a crash leaves only staging objects and intents, from which the reconciler removes
 * what no blob row claims.
 *
 * <p>Small content ({@value #SMALL} bytes at most) is held in memory instead, while a budget
 * shared by the JVM's uploads ({@value #SMALL_BUDGET_BYTES} bytes) allows: its hash is known
 * before anything is stored, so the promotion writes it once, straight to its content-addressed
 * key — no staging object to write, move and delete (three requests on S3, one) — and identical
 * content already stored is not written at all. Past the budget, small content is staged like
 * any other.
 */
public final class Staged {
  private static final Logger LOG = LoggerFactory.getLogger(Staged.class);
  /** The largest content held in memory rather than staged. */
  static final int SMALL = 1 << 20;
  private static final int SMALL_BUDGET_BYTES = 32 * SMALL;
  private static final Semaphore SMALL_BUDGET = new Semaphore(SMALL_BUDGET_BYTES);
  /** The chunks content of undeclared size is read in while it may still be small. */
  private static final int CHUNK = 64 << 10;

  private final Mount mount;
  private final String stagingKey;
  /** The content itself when it is small, else null; its budget is given back by {@link #cleanUp}. */
  private byte[] held;
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
    UploadStream checked = UploadStream.of(ctx, in, declared, extension, quotaRoom);
    InputStream rest = checked;
    long expected = declared.orElse(SMALL);
    if (expected <= SMALL && SMALL_BUDGET.tryAcquire((int) expected)) {
      Deque<byte[]> head = readHead(checked, (int) expected, declared.isPresent());
      int read = head.stream().mapToInt(chunk -> chunk.length).sum();
      if (read <= expected) {
        SMALL_BUDGET.release((int) expected - read);
        Staged small = new Staged(mount, null, checked.result(), false);
        small.held = joined(head, read);
        return small;
      }
      // Undeclared and larger: staged, its first bytes from memory, each chunk let go once read.
      SMALL_BUDGET.release((int) expected);
      Deque<InputStream> parts = new ArrayDeque<>();
      while (!head.isEmpty()) {
        parts.add(new ByteArrayInputStream(head.poll()));
      }
      parts.add(checked);
      // Taken from the queue as they are read: a chunk read is no longer held.
      rest = new SequenceInputStream(new Enumeration<InputStream>() {
        @Override
        public boolean hasMoreElements() {
          return !parts.isEmpty();
        }

        @Override
        public InputStream nextElement() {
          return parts.poll();
        }
      });
    }
    String key = BlobKeys.staging();
    WriteOptions options = WriteOptions.defaults();
    if (declared.isPresent()) {
      options = options.withLength(declared.getAsLong());
    }
    try {
      mount.provider().write(key, rest, options);
      checked.requireEnd();
      return new Staged(mount, key, checked.result(), true);
    } catch (RuntimeException e) {
      deleteQuietly(mount, key);
      throw e;
    }
  }

  /**
   * The whole content when it is at most {@code expected} bytes (declared: exactly that many, and
   * then nothing more), else the first {@code expected + 1}. A declared size gets one array of
   * that size; an undeclared one (a multipart part) is read in chunks of {@value #CHUNK} bytes, so
   * that a 4 KB part does not cost a 1 MiB array, and so that content found larger leaves no array
   * of half a G1 region or more (a humongous object in a small heap) behind while it streams. The
   * budget reserved for them is given back if reading fails.
   */
  private static Deque<byte[]> readHead(UploadStream checked, int expected, boolean declared) {
    Deque<byte[]> chunks = new ArrayDeque<>();
    try {
      if (!declared) {
        int read = 0;
        while (read <= expected) {
          byte[] chunk = checked.readNBytes(Math.min(CHUNK, expected + 1 - read));
          if (chunk.length == 0) {
            break;
          }
          chunks.add(chunk);
          read += chunk.length;
        }
        return chunks;
      }
      byte[] head = new byte[expected];
      checked.readNBytes(head, 0, expected);
      checked.requireEnd();
      chunks.add(head);
      return chunks;
    } catch (IOException | RuntimeException e) {
      SMALL_BUDGET.release(expected);
      if (e instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw StockageException.of(ErrorKind.UNAVAILABLE, "the upload stream broke: " + e, e);
    }
  }

  // The chunks of small content as one array of its size.
  private static byte[] joined(Deque<byte[]> chunks, int size) {
    if (chunks.size() == 1 && chunks.peek().length == size) {
      return chunks.poll();
    }
    byte[] all = new byte[size];
    int at = 0;
    for (byte[] chunk : chunks) {
      System.arraycopy(chunk, 0, all, at, chunk.length);
      at += chunk.length;
    }
    return all;
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
   * Records, in a statement that commits on its own, the key the content is about to be stored under (its
   * content-addressed key, or on a natively versioned mount the item's key): should the
   * transaction that records it never commit, the reconciler finds the content from this intent.
   * Call before the transaction that {@link #promote}s.
   */
  public void intend(io.stockage.spi.catalog.Catalog catalog, BlobKeys.Space namespace, ItemId item, Instant now) {
    String key = key(namespace, item);
    intent = Optional.of(catalog.autocommit(session -> session.blobs().intend(mount.name(), key, now)));
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
    if (mount.versioning() == VersioningMode.NATIVE) {
      // Gone with this transaction's commit; kept, for the reconciler, if it rolls back.
      session.blobs().fulfil(recorded.id());
      return promoteAsVersion(session, BlobKeys.item(namespace, item), now);
    }
    String key = BlobKeys.blob(namespace, sha256);
    // The intent goes with this transaction's commit (kept, for the reconciler, if it rolls back);
    // the row stays locked until then: the reconciler cannot claim the key meanwhile.
    BlobRecords.Referenced referenced = session.blobs().referenceOrInsert(recorded.id(), mount.name(), key, sha256,
        size, now);
    if (referenced.inserted()) {
      store(key);
    }
    return new Promoted(referenced.blob(), Optional.empty());
  }

  private Promoted promoteAsVersion(CatalogSession session, String key, Instant now) {
    BlobRecord blob = session.blobs().insertIfAbsent(mount.name(), key, sha256, size, now)
        .or(() -> session.blobs().lock(mount.name(), key))
        .orElseThrow(() -> StockageException.of(ErrorKind.UNAVAILABLE, "the item's blob row kept changing"));
    ObjectInfo stored = held != null ? write(key) : mount.provider().copy(stagingKey, key);
    String version = stored.versionId().orElseThrow(() -> StockageException.of(ErrorKind.UNEXPECTED,
        "mount " + mount.name() + " is versioned natively but its provider returned no version id"));
    promotedVersion = Optional.of(new ObjectVersionRef(key, version));
    session.blobs().reference(blob.id());
    return new Promoted(blob, Optional.of(version));
  }

  /** Stores the content under its key: written from memory, or the staging object moved there. */
  private void store(String key) {
    if (held != null) {
      write(key);
    } else {
      mount.provider().move(stagingKey, key);
      moved = true;
    }
  }

  private ObjectInfo write(String key) {
    return mount.provider().write(key, new ByteArrayInputStream(held), WriteOptions.defaults().withLength(held.length));
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

  /**
   * Removes the staging object unless promotion moved it (or {@link #of} staged it), or gives back
   * the memory of small content; call after the transaction ends.
   */
  public void cleanUp() {
    if (held != null) {
      SMALL_BUDGET.release(held.length);
      held = null;
    } else if (!moved && owned) {
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
