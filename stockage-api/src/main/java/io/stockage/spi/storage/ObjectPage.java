package io.stockage.spi.storage;

import java.util.List;
import java.util.Optional;

/**
 * One page of keys, in ascending key order.
 *
 * @param objects the objects of this page
 * @param next the key to pass as {@code after} for the next page; empty on the last page
 */
public record ObjectPage(List<ObjectInfo> objects, Optional<String> next) {
  /** Validates and copies. */
  public ObjectPage {
    objects = List.copyOf(objects);
    java.util.Objects.requireNonNull(next, "next");
  }
}
