package io.stockage;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A link that lets anyone holding its token download a file's current content, read-only, until
 * it expires or is revoked. The token is returned once, when the link is created: Stockage keeps
 * only its SHA-256 hash, so a lost token cannot be recovered, only replaced.
 *
 * @param id the link's id, to revoke it
 * @param item the file it shares
 * @param token the secret that opens it (32 random bytes, base64url); never shown by
 *     {@link #toString()}
 * @param expiresAt when it stops working
 */
public record ShareLink(UUID id, ItemId item, String token, Instant expiresAt) {
  /** Validates. */
  public ShareLink {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(item, "item");
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }

  /** The link without its token, which is a secret. */
  @Override
  public String toString() {
    return "ShareLink[id=" + id + ", item=" + item + ", token=***, expiresAt=" + expiresAt + "]";
  }
}
