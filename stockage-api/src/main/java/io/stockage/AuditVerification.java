package io.stockage;

import java.util.Objects;
import java.util.Optional;

/**
 * What checking an organization's audit chain found.
 *
 * @param intact whether every row matches its hash, follows the row before it, and the last row
 *     is the one the chain's head names
 * @param rowsChecked how many chained rows were read
 * @param firstBrokenId the id of the first row found altered or out of the chain, or the id the
 *     head names when the last rows are missing; empty when intact
 * @param detail what was found, for people
 */
public record AuditVerification(boolean intact, long rowsChecked, Optional<Long> firstBrokenId, String detail) {
  /** Validates. */
  public AuditVerification {
    Objects.requireNonNull(firstBrokenId, "firstBrokenId");
    Objects.requireNonNull(detail, "detail");
    if (intact == firstBrokenId.isPresent()) {
      throw new IllegalArgumentException("a broken chain names its first broken row, an intact one none");
    }
  }

  /** An intact chain. */
  public static AuditVerification intact(long rowsChecked, String detail) {
    return new AuditVerification(true, rowsChecked, Optional.empty(), detail);
  }

  /** A chain broken at the given row. */
  public static AuditVerification broken(long rowsChecked, long firstBrokenId, String detail) {
    return new AuditVerification(false, rowsChecked, Optional.of(firstBrokenId), detail);
  }
}
