package io.stockage;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a listing.
 *
 * @param items the items of this page, in listing order
 * @param request the request that produced this page
 * @param nextCursor where the next page starts; empty on the last page
 * @param <T> the item type
 */
public record Page<T>(List<T> items, PageRequest request, Optional<String> nextCursor) {
  /** Validates and copies. */
  public Page {
    items = List.copyOf(items);
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(nextCursor, "nextCursor");
  }

  /** Whether a next page has at least one item (as of this page's read). */
  public boolean hasNext() {
    return nextCursor.isPresent();
  }

  /** The request for the next page, of the same size, when there is one. */
  public Optional<PageRequest> next() {
    return nextCursor.map(c -> PageRequest.after(c, request.size()));
  }
}
