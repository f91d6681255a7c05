package io.stockage.spi;

/** The transactional outbox of changes, and the audit log. */
public interface JournalRecords {

  /** Appends a change-feed row; returns its sequence number. */
  long change(ChangeRecord change);

  /** Appends an audit row. */
  void audit(AuditRecord record);
}
