package io.stockage;

import java.util.Objects;
import java.util.Optional;

/**
 * Which page of a listing to return: the first, or the one after a cursor a previous page gave
 * ({@link Page#next()}). Cursors are opaque and stable: a page starts right after the last item
 * of the page before, by its sort key, so items inserted, renamed or trashed meanwhile never make
 * a page repeat or skip one that stayed, and a deep page costs what the first costs.
 *
 * @param cursor where the page starts; empty for the first page
 * @param size items per page, 1 to 1000
 */
public record PageRequest(Optional<String> cursor, int size) {
  /** The largest page a listing returns. */
  public static final int MAX_SIZE = 1000;

  /** Validates. */
  public PageRequest {
    Objects.requireNonNull(cursor, "cursor");
    if (size < 1 || size > MAX_SIZE) {
      throw StockageException.of(ErrorKind.INVALID_ARGUMENT, "page size must be between 1 and " + MAX_SIZE);
    }
  }

  /** The first page of the given size. */
  public static PageRequest first(int size) {
    return new PageRequest(Optional.empty(), size);
  }

  /**
   * The page of the given size after a cursor from {@link Page#nextCursor()}.
   *
   * @throws StockageException {@code INVALID_ARGUMENT} when the listing cannot read the cursor
   */
  public static PageRequest after(String cursor, int size) {
    return new PageRequest(Optional.of(cursor), size);
  }
}
