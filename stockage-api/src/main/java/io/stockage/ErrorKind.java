package io.stockage;

/**
 * What went wrong, as a caller can act on it: {@code switch (e.kind())}.
 *
 * <p>Each backend maps its own errors to these kinds in one place; the testkit asserts them.
 */
public enum ErrorKind {
  /** The item, project or key does not exist, or is not visible to the subject. */
  NOT_FOUND(false),
  /** Something with that name or key already exists. */
  ALREADY_EXISTS(false),
  /** The target moved on: an expected revision or etag no longer holds. */
  CONFLICT(false),
  /** The item is locked by someone else. */
  LOCKED(false),
  /** The subject can see the target but may not do this to it. */
  PERMISSION_DENIED(false),
  /** The upload policy refuses the request; {@link StockageException#reason()} says why. */
  POLICY_VIOLATION(false),
  /** The mount cannot do this; {@link StockageException#capability()} names what is missing. */
  UNSUPPORTED(false),
  /** An argument is malformed. */
  INVALID_ARGUMENT(false),
  /** The requested byte range lies outside the content. */
  RANGE_NOT_SATISFIABLE(false),
  /** A quota would be exceeded. */
  QUOTA_EXCEEDED(false),
  /**
   * The change feed no longer holds what came after the cursor (its retention passed it): read
   * the current state again and continue from {@link Changes#latestCursor}.
   */
  RESYNC_REQUIRED(false),
  /** The backend cannot be reached or is overloaded; trying again later may work. */
  UNAVAILABLE(true),
  /** The configuration is wrong; found at start or on first use. */
  CONFIG_INVALID(false),
  /** Anything else: a bug or an unmapped backend error. */
  UNEXPECTED(false);

  private final boolean retryable;

  ErrorKind(boolean retryable) {
    this.retryable = retryable;
  }

  /** Whether an operation that failed with this kind may succeed when tried again unchanged. */
  public boolean isRetryable() {
    return retryable;
  }
}
