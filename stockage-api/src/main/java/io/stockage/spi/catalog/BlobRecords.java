package io.stockage.spi.catalog;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Stored content and reference counts. A blob row exists only for content that is durable in
 * storage: the row is inserted in the transaction that promotes the content, and deleted in the
 * transaction that removes it, both holding the row's lock.
 */
public interface BlobRecords {

  /**
   * Inserts an unreferenced blob row unless one exists for the key; an inserted row stays locked
   * by this transaction, and a concurrent insert of the same key waits for it.
   *
   * @return the inserted row, or empty when the key already had one
   */
  Optional<BlobRecord> insertIfAbsent(String mount, String key, String sha256, long size, Instant at);

  /** The blob row of the key, locked until the transaction ends. */
  Optional<BlobRecord> lock(String mount, String key);

  /** Adds a reference. */
  void reference(long blobId);

  /**
   * Fulfils the intent and adds a reference to the key's blob row, inserting the row (with this
   * one reference) when the key has none: the promotion of content to a content-addressed key, in
   * one step. The row stays locked until the transaction ends; a concurrent call for the same key
   * waits for it, and one that finds the row deleted meanwhile inserts it again. When this call
   * inserted the row, the caller stores the content under the key before the transaction commits.
   */
  Referenced referenceOrInsert(long intent, String mount, String key, String sha256, long size, Instant at);

  /**
   * A blob row that a reference was added to.
   *
   * @param blob the row, with the reference counted
   * @param inserted whether the reference inserted it (the content is to be stored)
   */
  record Referenced(BlobRecord blob, boolean inserted) {}

  /** Removes a reference; at zero the blob becomes a candidate for the reconciler. */
  void release(long blobId, Instant at);

  /**
   * Up to {@code limit} blobs of the mount unreferenced since before {@code cutoff}, locked (rows
   * another transaction holds are skipped).
   */
  List<BlobRecord> lockUnreferenced(String mount, Instant cutoff, int limit);

  /** Deletes a blob row. */
  void delete(long blobId);

  /**
   * Records the intent to store content under the key; called in a transaction of its own that
   * commits before the content moves there. The reconciler records one too, in the transaction
   * that deletes an unreferenced blob's row, before it deletes the content: content under the key
   * of an intent that no row claims is removed.
   */
  BlobIntent intend(String mount, String key, Instant at);

  /** Deletes an intent: the transaction that records the content (or gives it up) does. */
  void fulfil(long intent);

  /**
   * Up to {@code limit} intents of the mount recorded before {@code cutoff}, locked (rows another
   * transaction holds are skipped).
   */
  List<BlobIntent> lockIntents(String mount, Instant cutoff, int limit);
}
