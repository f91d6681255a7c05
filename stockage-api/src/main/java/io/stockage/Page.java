package io.stockage;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a listing.
 *
 * @param items the items of this page, in listing order
 * @param request the request that produced this page
 * @param hasNext whether a next page has at least one item
 * @param <T> the item type
 */
public record Page<T>(List<T> items, PageRequest request, boolean hasNext) {
  /** Validates and copies. */
  public Page {
    items = List.copyOf(items);
    Objects.requireNonNull(request, "request");
  }

  /** The request for the next page, when there is one. */
  public Optional<PageRequest> next() {
    return hasNext ? Optional.of(request.next()) : Optional.empty();
  }
}
