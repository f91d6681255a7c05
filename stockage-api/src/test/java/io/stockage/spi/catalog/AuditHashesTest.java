package io.stockage.spi.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.stockage.AuditEntry;
import io.stockage.AuditOutcome;
import io.stockage.OrgId;
import io.stockage.UserId;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditHashesTest {
  private static final Instant AT = Instant.parse("2025-03-01T10:15:30.123456Z");
  private static final AuditRecord ROW = record("alice", "upload", "item-1", Map.of("revision", "2"));

  private static AuditRecord record(String actor, String action, String target, Map<String, String> details) {
    return new AuditRecord(OrgId.of("acme"), UserId.of(actor), action, target, AuditOutcome.ALLOWED, details, AT);
  }

  @Test
  void hash_sameRow_isStableHexSha256() {
    String hash = AuditHashes.hash(7, ROW, AuditHashes.GENESIS);

    assertThat(hash).matches("[0-9a-f]{64}").isEqualTo(AuditHashes.hash(7, ROW, AuditHashes.GENESIS));
  }

  @Test
  void hash_textMovedBetweenFields_differs() {
    String ab = AuditHashes.hash(1, record("alice", "ab", "c", Map.of()), AuditHashes.GENESIS);
    String bc = AuditHashes.hash(1, record("alice", "a", "bc", Map.of()), AuditHashes.GENESIS);

    assertThat(ab).isNotEqualTo(bc);
  }

  @Test
  void hash_detailKeyAndValueShifted_differs() {
    String first = AuditHashes.hash(1, record("alice", "a", "t", Map.of("ab", "c")), AuditHashes.GENESIS);
    String second = AuditHashes.hash(1, record("alice", "a", "t", Map.of("a", "bc")), AuditHashes.GENESIS);

    assertThat(first).isNotEqualTo(second);
  }

  @Test
  void hash_detailsInAnotherOrder_same() {
    Map<String, String> forward = new LinkedHashMap<>();
    forward.put("a", "1");
    forward.put("b", "2");
    Map<String, String> backward = new LinkedHashMap<>();
    backward.put("b", "2");
    backward.put("a", "1");

    assertThat(AuditHashes.hash(1, record("alice", "a", "t", forward), AuditHashes.GENESIS))
        .isEqualTo(AuditHashes.hash(1, record("alice", "a", "t", backward), AuditHashes.GENESIS));
  }

  @Test
  void hash_eachFieldChanged_differs() {
    String base = AuditHashes.hash(7, ROW, AuditHashes.GENESIS);
    AuditRecord denied = new AuditRecord(ROW.org(), ROW.actor(), ROW.action(), ROW.target(), AuditOutcome.DENIED,
        ROW.details(), ROW.at());
    AuditRecord otherOrg = new AuditRecord(OrgId.of("globex"), ROW.actor(), ROW.action(), ROW.target(),
        ROW.outcome(), ROW.details(), ROW.at());
    AuditRecord later = new AuditRecord(ROW.org(), ROW.actor(), ROW.action(), ROW.target(), ROW.outcome(),
        ROW.details(), AT.plusNanos(1000));

    assertThat(AuditHashes.hash(8, ROW, AuditHashes.GENESIS)).isNotEqualTo(base);
    assertThat(AuditHashes.hash(7, ROW, "1".repeat(64))).isNotEqualTo(base);
    assertThat(AuditHashes.hash(7, record("bob", "upload", "item-1", ROW.details()), AuditHashes.GENESIS))
        .isNotEqualTo(base);
    assertThat(AuditHashes.hash(7, record("alice", "upload", "item-1", Map.of("revision", "3")),
        AuditHashes.GENESIS)).isNotEqualTo(base);
    assertThat(AuditHashes.hash(7, denied, AuditHashes.GENESIS)).isNotEqualTo(base);
    assertThat(AuditHashes.hash(7, otherOrg, AuditHashes.GENESIS)).isNotEqualTo(base);
    assertThat(AuditHashes.hash(7, later, AuditHashes.GENESIS)).isNotEqualTo(base);
  }

  @Test
  void hash_nanosecondsBelowMicros_ignored() {
    AuditRecord nanos = new AuditRecord(ROW.org(), ROW.actor(), ROW.action(), ROW.target(), ROW.outcome(),
        ROW.details(), AT.plusNanos(999));

    assertThat(AuditHashes.hash(7, nanos, AuditHashes.GENESIS)).isEqualTo(AuditHashes.hash(7, ROW, AuditHashes.GENESIS));
  }

  @Test
  void hash_entryOfTheRecord_sameAsRecord() {
    AuditEntry entry = new AuditEntry(7, ROW.org(), ROW.actor(), ROW.action(), ROW.target(), ROW.outcome(),
        ROW.details(), ROW.at(), "");

    assertThat(AuditHashes.hash(entry, AuditHashes.GENESIS)).isEqualTo(AuditHashes.hash(7, ROW, AuditHashes.GENESIS));
  }
}
