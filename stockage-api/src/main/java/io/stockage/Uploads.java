package io.stockage;

/**
 * Resumable uploads ({@link Stockage#uploads()}): a session in the catalog that takes the content
 * in chunks, each stored durably before it is acknowledged, so that a client cut off (or a server
 * restarted) goes on from the session's offset. Completing it runs the plain upload's pipeline
 * (policy, type sniffing, hashing, deduplication, one transaction, index job and change feed): the
 * file or revision it makes is like any other. Only the session's creator reaches it; anyone else
 * finds nothing ({@code NOT_FOUND}). Sessions expire ({@code stockage.upload.session-ttl}, 24 h)
 * and are then removed with what they stored.
 */
public interface Uploads {

  /**
   * Opens a session. Checks now what can be checked: the target's permission ({@code ADD} on the
   * folder, {@code CHANGE} on the file, {@code EDITOR} on a live mount), the name and the declared
   * length against the upload policy.
   */
  UploadSession create(Subject subject, NewUpload upload);

  /**
   * Stores a chunk at its offset, which must be the session's ({@code CONFLICT} otherwise, with
   * the current offset in the message); returns the session after it. A chunk that breaks off, or
   * whose checksum does not match, stores nothing. Past the declared length or the policy's size,
   * {@code POLICY_VIOLATION} ({@link PolicyReason#TOO_LARGE}).
   */
  UploadSession append(Subject subject, UploadId upload, UploadChunk chunk);

  /** Declares the total length of a session created without one (once). */
  UploadSession declareLength(Subject subject, UploadId upload, long length);

  /** The session as it stands (a completed one names its file). */
  UploadSession status(Subject subject, UploadId upload);

  /**
   * Makes the file, revision or live mount's file from the stored chunks once every byte is there
   * ({@code CONFLICT} before), authorizing again; returns the completed session, which names the
   * managed file it made. Completing twice changes nothing more.
   */
  UploadSession complete(Subject subject, UploadId upload);

  /** Drops the session and what it stored. */
  void abort(Subject subject, UploadId upload);
}
