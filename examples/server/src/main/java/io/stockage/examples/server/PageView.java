package io.stockage.examples.server;

import io.stockage.Page;
import java.util.List;
import java.util.function.Function;

/**
 * The JSON form of a page.
 *
 * @param items this page's items
 * @param size the page size
 * @param next the cursor of the next page (pass it as {@code ?cursor=}); null on the last page
 * @param <T> item type
 */
public record PageView<T>(List<T> items, int size, String next) {

  static <S, T> PageView<T> of(Page<S> page, Function<S, T> view) {
    return new PageView<>(page.items().stream().map(view).toList(), page.request().size(),
        page.nextCursor().orElse(null));
  }
}
