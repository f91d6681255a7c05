package io.stockage;

/**
 * Something a storage provider can do. A capability is declared by the provider, verified by the
 * testkit and narrowed by layers; the engine emulates what is safe to emulate and otherwise fails
 * with {@link ErrorKind#UNSUPPORTED} naming the capability.
 */
public enum Capability {
  /** Reads a byte range without reading what precedes it. */
  READ_RANGE,
  /** A write becomes visible whole or not at all: readers never see a prefix or a mix. */
  WRITE_ATOMIC,
  /** Writes can be made conditional: create only if absent, replace only if unchanged. */
  WRITE_CONDITIONAL,
  /** Large objects are written in parts that can be retried one by one. */
  MULTIPART_UPLOAD,
  /**
   * An object can be written in place at an offset, durably, chunk after chunk ({@code writeAt}): a
   * resumable upload assembles its staging object this way (a file system, an SMB share).
   */
  WRITE_AT_OFFSET,
  /** Copies without moving the bytes through the client. */
  COPY_SERVER_SIDE,
  /** Renames atomically, without copying the bytes. */
  RENAME_ATOMIC,
  /** Keeps older versions of an object itself (S3 bucket versioning). */
  NATIVE_VERSIONING,
  /** Issues URLs that read an object without credentials, until they expire. */
  PRESIGN_READ,
  /** Issues URLs that write an object without credentials, until they expire. */
  PRESIGN_WRITE,
  /** Lists keys page by page. */
  LIST_PAGED,
  /** Stores user metadata with an object. */
  USER_METADATA,
  /** Content may change outside Stockage (a share others write to). */
  EXTERNAL_CHANGES,
  /** Names differing only in case name the same object. */
  CASE_INSENSITIVE_NAMES,
  /**
   * Has real directories (a file system, an SMB share): they can be listed one level at a time,
   * created and deleted, which live mounts need.
   */
  DIRECTORIES,
  /**
   * Refuses the names Windows reserves ({@code < > : " | ? *}, {@code CON}, {@code COM1}..., a
   * trailing dot or space) with {@code POLICY_VIOLATION} ({@code INVALID_NAME}), as SMB shares must.
   */
  WINDOWS_NAMES
}
