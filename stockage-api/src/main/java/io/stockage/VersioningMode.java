package io.stockage;

/** How a mount keeps the revisions of its files. */
public enum VersioningMode {
  /** Content-addressed revisions on any provider; identical content stored once. */
  EMULATED,
  /** The backend's own versions (S3 bucket versioning): revision n is a version id. */
  NATIVE,
  /** No history, only a version string (live mounts). */
  NONE
}
