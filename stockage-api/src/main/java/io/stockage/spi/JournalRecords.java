package io.stockage.spi;

import io.stockage.AuditEntry;
import io.stockage.OrgId;
import io.stockage.Page;
import io.stockage.PageRequest;
import java.util.List;
import java.util.Optional;

/** The transactional outbox of changes, and the audit log. */
public interface JournalRecords {

  /** Appends a change-feed row; returns its sequence number. */
  long change(ChangeRecord change);

  /**
   * Appends an audit row to its organization's hash chain.
   *
   * <ul>
   *   <li>The row's time is stored truncated to microseconds.
   *   <li>Its previous hash is the hash of the organization's last row ({@link AuditHashes#GENESIS}
   *       for the first), its hash {@link AuditHashes#hash(long, AuditRecord, String)}, and the
   *       organization's {@link AuditHead} names it afterwards.
   *   <li>Concurrent transactions appending to one organization are serialized on its head until
   *       they end, so the chain never forks and ids grow in chain order.
   * </ul>
   */
  void audit(AuditRecord record);

  /** The audit rows of an organization, newest first. */
  Page<AuditEntry> auditLog(OrgId org, PageRequest page);

  /**
   * At most {@code limit} audit rows of an organization with ids above {@code afterId}, in id
   * order, each with the previous hash it carries: verification reads the chain with it, page by
   * page.
   */
  List<AuditLink> auditChain(OrgId org, long afterId, int limit);

  /** The head of an organization's audit chain; empty when it has no audit row. */
  Optional<AuditHead> auditHead(OrgId org);
}
