package io.stockage;

import java.time.Duration;
import java.util.Objects;

/**
 * A lock to take or refresh ({@link Locks}).
 *
 * @param target what to lock
 * @param lockId the id to lock under: 1 to 1,024 characters, compared exactly
 * @param ttl how long the lock lasts unless refreshed (30 minutes by default, WOPI's)
 */
public record LockRequest(LockTarget target, String lockId, Duration ttl) {
  /** The longest lock id (WOPI's extended lock length). */
  public static final int MAX_ID_LENGTH = 1024;

  /** Validates. */
  public LockRequest {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(lockId, "lockId");
    Objects.requireNonNull(ttl, "ttl");
    if (lockId.isEmpty() || lockId.length() > MAX_ID_LENGTH) {
      throw StockageException.of(ErrorKind.INVALID_ARGUMENT, "a lock id has 1 to " + MAX_ID_LENGTH + " characters");
    }
    if (ttl.isNegative() || ttl.isZero() || ttl.compareTo(Duration.ofDays(1)) > 0) {
      throw StockageException.of(ErrorKind.INVALID_ARGUMENT, "a lock lasts more than nothing and a day at most");
    }
  }

  /** A lock of 30 minutes. */
  public static LockRequest of(LockTarget target, String lockId) {
    return new LockRequest(target, lockId, Duration.ofMinutes(30));
  }

  /** This request, lasting {@code ttl}. */
  public LockRequest withTtl(Duration ttl) {
    return new LockRequest(target, lockId, ttl);
  }
}
