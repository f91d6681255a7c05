package io.stockage.spi.catalog;

import io.stockage.AuditEntry;
import java.util.Objects;

/**
 * An audit row with the hash of the row it claims to follow: what verifying the chain reads.
 *
 * @param entry the row
 * @param prevHash the hash of the previous row of the organization's chain
 *     ({@link AuditHashes#GENESIS} for the first); empty for a row written before the chain existed
 */
public record AuditLink(AuditEntry entry, String prevHash) {
  /** Validates. */
  public AuditLink {
    Objects.requireNonNull(entry, "entry");
    Objects.requireNonNull(prevHash, "prevHash");
  }
}
