package io.stockage.spi.catalog;

import io.stockage.ItemId;
import io.stockage.OrgId;
import io.stockage.OrgPermission;
import io.stockage.Subject;
import io.stockage.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A share link as the catalog keeps it: the hash of its token, never the token.
 *
 * @param id the link's id
 * @param org the organization of the file
 * @param item the file
 * @param tokenHash the lower-case hex SHA-256 of the token's UTF-8 bytes
 * @param createdBy who created it
 * @param creatorPermissions the organization permissions its creator held then: the link works
 *     only while its creator holds {@code SHARE} on the file, and the host's organization
 *     permissions are known only when it calls
 * @param createdAt when
 * @param expiresAt when it stops working
 * @param revokedAt when it was revoked, if it was
 */
public record ShareLinkRecord(
    UUID id, OrgId org, ItemId item, String tokenHash, UserId createdBy, Set<OrgPermission> creatorPermissions,
    Instant createdAt, Instant expiresAt, Optional<Instant> revokedAt) {
  /** Validates. */
  public ShareLinkRecord {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(org, "org");
    Objects.requireNonNull(item, "item");
    Objects.requireNonNull(tokenHash, "tokenHash");
    Objects.requireNonNull(createdBy, "createdBy");
    creatorPermissions = Set.copyOf(creatorPermissions);
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
    Objects.requireNonNull(revokedAt, "revokedAt");
  }

  /** The creator, with the organization permissions it held when it created the link. */
  public Subject creator() {
    return new Subject(org, createdBy, creatorPermissions);
  }

  /** Whether the link opens at {@code now}: not revoked and not expired. */
  public boolean isActive(Instant now) {
    return revokedAt.isEmpty() && now.isBefore(expiresAt);
  }
}
