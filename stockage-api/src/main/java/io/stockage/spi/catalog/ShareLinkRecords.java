package io.stockage.spi.catalog;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Share links. Tokens are looked up by their hash only; implementations never cache, so a
 * revocation takes effect for the very next lookup.
 */
public interface ShareLinkRecords {

  /** Inserts a link. */
  void insert(ShareLinkRecord link);

  /** The link with that id, revoked or expired ones too. */
  Optional<ShareLinkRecord> find(UUID id);

  /** The link whose token has that hash, revoked or expired ones too. */
  Optional<ShareLinkRecord> findByTokenHash(String tokenHash);

  /** Marks a link revoked at {@code at} unless it already is; returns whether it exists. */
  boolean revoke(UUID id, Instant at);
}
