package io.stockage.core.internal;

import io.stockage.AuditEntry;
import io.stockage.AuditVerification;
import io.stockage.OrgId;
import io.stockage.spi.catalog.AuditHashes;
import io.stockage.spi.catalog.AuditHead;
import io.stockage.spi.catalog.AuditLink;
import io.stockage.spi.catalog.AuditRecords;
import java.util.List;
import java.util.Optional;

/**
 * One walk along an organization's audit chain, in id order, a page at a time (memory stays
 * bounded by the page size). Each row must match its own hash (else it was edited), carry the
 * hash of the row before it (else a row between them was deleted, or the one before rewritten),
 * and the head must name the last row (else the last rows were deleted, or the head edited).
 * Rows the head says predate the chain are counted but not checked. Not thread-safe: one per
 * verification.
 */
final class AuditChainCheck {
  private final AuditRecords audit;
  private final OrgId org;
  private final int pageSize;
  private long chainStart;
  private String expectedPrev = AuditHashes.GENESIS;
  private long lastId;
  private long checked;
  private long unchained;

  AuditChainCheck(AuditRecords audit, OrgId org, int pageSize) {
    this.audit = audit;
    this.org = org;
    this.pageSize = pageSize;
  }

  /** Walks the chain; the first problem found ends the walk. */
  AuditVerification run() {
    Optional<AuditHead> head = audit.head(org);
    chainStart = head.map(AuditHead::chainStart).orElse(0L);
    lastId = chainStart;
    // Long.MIN_VALUE, not 0: a row whose id was edited below 1 must still be read, and reported.
    long after = Long.MIN_VALUE;
    List<AuditLink> page;
    do {
      page = audit.chain(org, after, pageSize);
      for (AuditLink link : page) {
        Optional<AuditVerification> broken = check(link);
        if (broken.isPresent()) {
          return broken.get();
        }
        after = link.entry().id();
      }
    } while (page.size() == pageSize);
    return head.map(this::checkHead).orElseGet(this::checkNoHead);
  }

  private Optional<AuditVerification> check(AuditLink link) {
    AuditEntry row = link.entry();
    if (row.id() <= chainStart) {
      unchained++;
      return Optional.empty();
    }
    checked++;
    if (!AuditHashes.hash(row, link.prevHash()).equals(row.hash())) {
      return Optional.of(broken(row.id(), "row " + row.id() + " was altered: its content no longer matches its hash"));
    }
    if (!link.prevHash().equals(expectedPrev)) {
      return Optional.of(broken(row.id(), lastId == chainStart
          ? "row " + row.id() + " does not start the chain: the rows before it were deleted"
          : "row " + row.id() + " does not follow row " + lastId
              + ": a row between them was deleted, or row " + lastId + " was rewritten"));
    }
    expectedPrev = row.hash();
    lastId = row.id();
    return Optional.empty();
  }

  // Rows without a head: the head was deleted (an append always writes one).
  private AuditVerification checkNoHead() {
    return checked == 0 && unchained == 0
        ? AuditVerification.intact(0, "the audit log is empty")
        : broken(lastId, "the chain's head is missing: it was deleted");
  }

  private AuditVerification checkHead(AuditHead head) {
    if (head.lastId() == lastId && head.lastHash().equals(expectedPrev)) {
      String earlier = unchained == 0 ? "" : "; " + unchained + " earlier rows predate the chain and are not covered";
      return AuditVerification.intact(checked, checked + " rows intact" + earlier);
    }
    if (head.lastId() > lastId) {
      return broken(head.lastId(), "the head names row " + head.lastId() + " but the chain ends at row " + lastId
          + ": the last rows were deleted");
    }
    return broken(lastId, "the head names row " + head.lastId() + " but the chain ends at row " + lastId
        + ": the head was altered");
  }

  private AuditVerification broken(long id, String detail) {
    return AuditVerification.broken(checked, id, detail);
  }
}
