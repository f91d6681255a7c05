package io.stockage;

/** How an audited attempt ended. */
public enum AuditOutcome {
  /** It was authorized and done. */
  ALLOWED,
  /** Authorization refused it. */
  DENIED,
  /** It was authorized but failed. */
  FAILED
}
