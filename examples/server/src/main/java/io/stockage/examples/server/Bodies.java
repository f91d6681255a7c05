package io.stockage.examples.server;

import io.stockage.ErrorKind;
import io.stockage.ItemId;
import io.stockage.PageRequest;
import io.stockage.StockageException;
import java.util.Optional;

/** Small checks of request bodies and parameters, failing with {@code INVALID_ARGUMENT} (400). */
final class Bodies {
  private Bodies() {}

  static <T> T required(T value, String name) {
    if (value == null) {
      throw StockageException.of(ErrorKind.INVALID_ARGUMENT, "'" + name + "' is required");
    }
    return value;
  }

  /** An optional folder id; blank means the project's root. */
  static Optional<ItemId> folder(String value) {
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(ItemId.parse(value));
  }

  /** The page a request asks for: the first, or the one after its {@code cursor}. */
  static PageRequest page(String cursor, int size) {
    return cursor == null || cursor.isEmpty() ? PageRequest.first(size) : PageRequest.after(cursor, size);
  }
}
