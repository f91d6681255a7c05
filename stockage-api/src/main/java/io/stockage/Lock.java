package io.stockage;

import java.time.Instant;
import java.util.Objects;

/**
 * A lock held on a file ({@link Locks}).
 *
 * @param target what it is on
 * @param id the lock id its holder chose (WOPI's {@code X-WOPI-Lock}), compared exactly
 * @param owner who took it
 * @param lockedAt when it was taken
 * @param expiresAt when it ends unless refreshed
 */
public record Lock(LockTarget target, String id, UserId owner, Instant lockedAt, Instant expiresAt) {
  /** Validates. */
  public Lock {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(lockedAt, "lockedAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }
}
