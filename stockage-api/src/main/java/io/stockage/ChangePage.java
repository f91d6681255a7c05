package io.stockage;

import java.util.List;
import java.util.Objects;

/**
 * A page of the change feed.
 *
 * @param changes the changes, in cursor order
 * @param next where to read on from; past every change this page looked at, seen or not
 */
public record ChangePage(List<Change> changes, ChangeCursor next) {
  /** Validates and copies. */
  public ChangePage {
    changes = List.copyOf(changes);
    Objects.requireNonNull(next, "next");
  }
}
