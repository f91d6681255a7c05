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

/** Resumable upload sessions and what they stored ({@link io.stockage.Uploads}). */
public interface UploadRecords {

  /**
   * A session.
   *
   * @param id its id
   * @param org the owner's organization
   * @param owner who created it: the only one who reaches it
   * @param mount where its staging object is assembled
   * @param target what it will make
   * @param offset the bytes stored
   * @param createdAt when it was opened
   * @param expiresAt when it is dropped if not completed
   * @param completed whether it made its file
   * @param item the managed file it made, once completed
   * @param multipartId the object store's multipart upload, once begun (on a mount that assembles in parts)
   * @param partSize the size of every part but the last (0 on a mount that writes in place)
   */
  record Session(UploadId id, OrgId org, UserId owner, String mount, NewUpload target, long offset, Instant createdAt,
      Instant expiresAt, boolean completed, Optional<ItemId> item, Optional<String> multipartId, long partSize) {
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
      Objects.requireNonNull(multipartId, "multipartId");
    }
  }

  /**
   * Bytes kept in an object of their own until they fill a part (on a mount that assembles in parts).
   *
   * @param offset where they start
   * @param size their length
   * @param key the object holding them
   */
  record Piece(long offset, long size, String key) {}

  /**
   * A part of the session's multipart upload.
   *
   * @param number its number, from 1
   * @param offset where it starts
   * @param size its length
   * @param etag the object store's tag of it
   */
  record Part(int number, long offset, long size, String etag) {}

  /**
   * What one append stored: the offset moves from {@code from} to {@code to}.
   *
   * @param from the offset the append started at
   * @param to the offset after it
   * @param multipartId the multipart upload, when the append began it
   * @param parts the parts it completed
   * @param piecesUsed whether those parts used up the pieces recorded before (they are then dropped)
   * @param pieces the pieces it left for the next part
   */
  record Progress(long from, long to, Optional<String> multipartId, List<Part> parts, boolean piecesUsed,
      List<Piece> pieces) {
    /** Validates and copies. */
    public Progress {
      Objects.requireNonNull(multipartId, "multipartId");
      parts = List.copyOf(parts);
      pieces = List.copyOf(pieces);
    }

    /** An append that wrote in place. */
    public static Progress inPlace(long from, long to) {
      return new Progress(from, to, Optional.empty(), List.of(), false, List.of());
    }
  }

  /** Records a new session. */
  void insert(Session session);

  /** The session, locked for the transaction when {@code lock}. */
  Optional<Session> find(UploadId id, boolean lock);

  /**
   * Takes the session's append lease until the instant with the token, when no unexpired lease is
   * held and the session still stands at the offset; false otherwise.
   */
  boolean lease(UploadId id, long offset, String token, Instant now, Instant until);

  /**
   * Records an append under the lease's token: the offset moves, its parts and pieces are kept, and
   * the lease ends; false when the lease was lost (nothing recorded).
   */
  boolean advance(UploadId id, String token, Progress progress);

  /** Extends the lease held with the token; false when it is no longer held. */
  boolean renew(UploadId id, String token, Instant until);

  /** Ends the lease without a chunk. */
  void release(UploadId id, String token);

  /** The session's pieces not yet in a part, in order. */
  List<Piece> pieces(UploadId id);

  /** The session's parts, in order. */
  List<Part> parts(UploadId id);

  /** Declares the session's total length. */
  void declareLength(UploadId id, long length);

  /** Records that the session made its file (the managed file's id, if it is one) and drops its parts and pieces. */
  void completed(UploadId id, Optional<ItemId> item, Instant at);

  /** Removes the session, its parts and pieces. */
  void delete(UploadId id);

  /** Sessions past their expiry, at most {@code limit}. */
  List<Session> expired(Instant now, int limit);
}
