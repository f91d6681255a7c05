package io.stockage.spi.catalog;

import io.stockage.AuditEntry;
import io.stockage.OrgId;
import io.stockage.Page;
import io.stockage.PageRequest;
import java.util.List;
import java.util.Optional;

/**
 * The audit log: one hash chain per organization, apart from the change feed (an audit row is
 * written for every decision, allowed, denied or failed; a change row only for a change).
 */
public interface AuditRecords {

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
  void append(AuditRecord record);

  /** A page of the audit rows of an organization, newest first; cursors as {@link PageCursor} writes them. */
  Page<AuditEntry> list(OrgId org, PageRequest page);

  /**
   * At most {@code limit} audit rows of an organization with ids above {@code afterId}, in id
   * order, each with the previous hash it carries: verification reads the chain with it, page by
   * page.
   */
  List<AuditLink> chain(OrgId org, long afterId, int limit);

  /** The head of an organization's audit chain; empty when it has no audit row. */
  Optional<AuditHead> head(OrgId org);
}
