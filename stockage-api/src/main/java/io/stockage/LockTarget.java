package io.stockage;

import java.util.Objects;
import java.util.Optional;

/**
 * What a lock is on ({@link Locks}): a managed file, or a file of a live mount by its path.
 *
 * @param item the managed file
 * @param mount the live mount, with {@code path}
 * @param path the file's path on the live mount
 */
public record LockTarget(Optional<ItemId> item, Optional<String> mount, Optional<String> path) {
  /** Validates: a file, or a mount and a path. */
  public LockTarget {
    Objects.requireNonNull(item, "item");
    Objects.requireNonNull(mount, "mount");
    Objects.requireNonNull(path, "path");
    if (item.isPresent() == mount.isPresent() || mount.isPresent() != path.isPresent()) {
      throw StockageException.of(ErrorKind.INVALID_ARGUMENT, "a lock is on a file, or on a live mount's path");
    }
  }

  /** A managed file. */
  public static LockTarget item(ItemId item) {
    return new LockTarget(Optional.of(item), Optional.empty(), Optional.empty());
  }

  /** A live mount's file at a path. */
  public static LockTarget entry(String mount, String path) {
    return new LockTarget(Optional.empty(), Optional.of(mount), Optional.of(path));
  }

  @Override
  public String toString() {
    return item.map(ItemId::toString).orElseGet(() -> mount.orElseThrow() + ":" + path.orElseThrow());
  }
}
