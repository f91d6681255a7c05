package io.stockage.spi.catalog;

import io.stockage.ItemId;
import io.stockage.NewUpload;
import io.stockage.OrgId;
import io.stockage.UploadId;
import io.stockage.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Resumable upload sessions and the chunks they stored ({@link io.stockage.Uploads}). */
public interface UploadRecords {

  /**
   * A session.
   *
   * @param id its id
   * @param org the owner's organization
   * @param owner who created it: the only one who reaches it
   * @param mount where its chunks are stored
   * @param target what it will make
   * @param offset the bytes stored
   * @param createdAt when it was opened
   * @param expiresAt when it is dropped if not completed
   * @param completed whether it made its file
   * @param item the managed file it made, once completed
   */
  record Session(UploadId id, OrgId org, UserId owner, String mount, NewUpload target, long offset, Instant createdAt,
      Instant expiresAt, boolean completed, Optional<ItemId> item) {
    /** Validates. */
    public Session {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(org, "org");
      Objects.requireNonNull(owner, "owner");
      Objects.requireNonNull(mount, "mount");
      Objects.requireNonNull(target, "target");
      Objects.requireNonNull(createdAt, "createdAt");
      Objects.requireNonNull(expiresAt, "expiresAt");
      Objects.requireNonNull(item, "item");
    }
  }

  /**
   * A stored chunk.
   *
   * @param offset where it starts
   * @param size its length
   * @param key the object holding it
   */
  record Chunk(long offset, long size, String key) {}

  /** Records a new session. */
  void insert(Session session);

  /** The session, locked for the transaction when {@code lock}. */
  Optional<Session> find(UploadId id, boolean lock);

  /**
   * Takes the session's append lease until the instant with the token, when no unexpired lease is
   * held and the session still stands at the offset; false otherwise.
   */
  boolean lease(UploadId id, long offset, String token, Instant now, Instant until);

  /** Records a chunk under the lease's token: the offset moves past it and the lease ends; false when the lease was lost. */
  boolean addChunk(UploadId id, String token, Chunk chunk);

  /** Extends the lease held with the token; false when it is no longer held. */
  boolean renew(UploadId id, String token, Instant until);

  /** Ends the lease without a chunk. */
  void release(UploadId id, String token);

  /** The session's chunks, in order. */
  List<Chunk> chunks(UploadId id);

  /** Declares the session's total length. */
  void declareLength(UploadId id, long length);

  /** Records that the session made its file (the managed file's id, if it is one) and drops its chunk rows. */
  void completed(UploadId id, Optional<ItemId> item, Instant at);

  /** Removes the session and its chunk rows. */
  void delete(UploadId id);

  /** Sessions past their expiry, at most {@code limit}. */
  List<Session> expired(Instant now, int limit);
}
