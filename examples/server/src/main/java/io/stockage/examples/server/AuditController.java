package io.stockage.examples.server;

import io.stockage.AuditEntry;
import io.stockage.AuditVerification;
import io.stockage.Stockage;
import io.stockage.Subject;
import java.time.Instant;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit log of the caller's organization, for its administrators. */
@RestController
@RequestMapping("/api/v1/audit")
class AuditController {
  private final Stockage stockage;

  AuditController(Stockage stockage) {
    this.stockage = stockage;
  }

  /** The JSON form of an audit row. */
  record AuditEntryView(long id, String actor, String action, String target, String outcome,
      Map<String, String> details, Instant at, String hash) {
    static AuditEntryView of(AuditEntry e) {
      return new AuditEntryView(e.id(), e.actor().value(), e.action(), e.target(), e.outcome().name(), e.details(),
          e.at(), e.hash());
    }
  }

  /** The JSON form of a verification; {@code firstBrokenId} is null when the chain is intact. */
  record VerificationView(boolean intact, long rowsChecked, Long firstBrokenId, String detail) {
    static VerificationView of(AuditVerification v) {
      return new VerificationView(v.intact(), v.rowsChecked(), v.firstBrokenId().orElse(null), v.detail());
    }
  }

  @GetMapping
  PageView<AuditEntryView> list(Subject subject, @RequestParam(required = false) String cursor,
      @RequestParam(defaultValue = "50") int size) {
    return PageView.of(stockage.audit().list(subject, Bodies.page(cursor, size)), AuditEntryView::of);
  }

  @GetMapping("/verify")
  VerificationView verify(Subject subject) {
    return VerificationView.of(stockage.audit().verify(subject));
  }
}
