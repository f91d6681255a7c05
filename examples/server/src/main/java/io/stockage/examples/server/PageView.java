package io.stockage.examples.server;

import io.stockage.Page;
import java.util.List;
import java.util.function.Function;

/**
 * The JSON form of a page.
 *
 * @param items this page's items
 * @param page its number, from 0
 * @param size the page size
 * @param next the next page's number; null on the last page
 * @param <T> item type
 */
public record PageView<T>(List<T> items, int page, int size, Integer next) {

  static <S, T> PageView<T> of(Page<S> page, Function<S, T> view) {
    return new PageView<>(page.items().stream().map(view).toList(), page.request().page(), page.request().size(),
        page.next().map(n -> n.page()).orElse(null));
  }
}
