package io.stockage;

/**
 * Which page of a listing to return.
 *
 * @param page zero-based page number
 * @param size items per page, 1 to 1000
 */
public record PageRequest(int page, int size) {
  /** The largest page a listing returns. */
  public static final int MAX_SIZE = 1000;

  /** Validates. */
  public PageRequest {
    if (page < 0 || size < 1 || size > MAX_SIZE) {
      throw StockageException.of(ErrorKind.INVALID_ARGUMENT,
          "page must be >= 0 and size between 1 and " + MAX_SIZE);
    }
  }

  /** The first page of the given size. */
  public static PageRequest first(int size) {
    return new PageRequest(0, size);
  }

  /** The page of the given number and size. */
  public static PageRequest of(int page, int size) {
    return new PageRequest(page, size);
  }

  /** The number of items before this page. */
  public long offset() {
    return (long) page * size;
  }

  /** The page after this one. */
  public PageRequest next() {
    return new PageRequest(page + 1, size);
  }
}
