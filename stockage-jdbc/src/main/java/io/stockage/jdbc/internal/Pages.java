package io.stockage.jdbc.internal;

import io.stockage.Page;
import io.stockage.PageRequest;
import java.util.List;
import org.jdbi.v3.core.statement.Query;

/**
 * Offset paging: a query fetches one row more than the page holds, and that extra row tells
 * whether a next page exists. Queries end with {@code LIMIT :limit OFFSET :offset}.
 */
public final class Pages {
  private Pages() {}

  /** Binds {@code :limit} (the page size plus one) and {@code :offset}. */
  public static Query bind(Query query, PageRequest request) {
    return query.bind("limit", request.size() + 1).bind("offset", request.offset());
  }

  /** The page of the rows a query bound with {@link #bind} returned. */
  public static <T> Page<T> of(List<T> rows, PageRequest request) {
    boolean hasNext = rows.size() > request.size();
    return new Page<>(hasNext ? rows.subList(0, request.size()) : rows, request, hasNext);
  }
}
