package io.stockage;

/** The organization's audit log, a hash chain ({@link Stockage#audit()}). Needs {@link OrgPermission#ADMIN}. */
public interface AuditLog {

  /**
   * The audit log of the subject's organization, newest first: who did what to which target, and
   * whether it was allowed, denied or failed.
   */
  Page<AuditEntry> list(Subject subject, PageRequest page);

  /**
   * Checks the hash chain of the subject's organization's audit log: every row matches its hash,
   * follows the row before it, and the last row is the one the chain's head names. It detects a
   * row edited, deleted or inserted by hand in the database, but not a rewrite of the whole chain
   * (anchor the head's hash outside the database for that). Reads the log in pages, in one
   * snapshot.
   */
  AuditVerification verify(Subject subject);
}
