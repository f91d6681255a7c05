package io.stockage;

/** Why the upload policy refused a request ({@link ErrorKind#POLICY_VIOLATION}). */
public enum PolicyReason {
  /** The content is larger than the policy's maximum size. */
  TOO_LARGE,
  /** The extension or detected type is not in the allowed list. */
  TYPE_NOT_ALLOWED,
  /** The bytes do not match what the extension announces (an executable named {@code .pdf}). */
  CONTENT_MISMATCH,
  /** The name is empty, too long, reserved, or contains forbidden characters. */
  INVALID_NAME,
  /** A chunk's bytes do not match the checksum the client sent with them ({@link UploadChunk}). */
  CHECKSUM_MISMATCH
}
