package io.stockage.spi.catalog;

import java.util.Objects;

/**
 * The head of an organization's audit chain: which row was appended last. Kept apart from the
 * rows, so that deleting the last rows is detected too.
 *
 * @param lastId the id of the last row appended (or of the last row written before the chain
 *     existed, while no chained row follows it)
 * @param lastHash the hash of that row; {@link AuditHashes#GENESIS} before the first chained row
 * @param chainStart rows of ids up to this one were written before the chain existed and carry no
 *     hash; 0 when there were none
 */
public record AuditHead(long lastId, String lastHash, long chainStart) {
  /** Validates. */
  public AuditHead {
    Objects.requireNonNull(lastHash, "lastHash");
  }
}
