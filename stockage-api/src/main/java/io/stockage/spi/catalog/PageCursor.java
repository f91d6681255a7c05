package io.stockage.spi.catalog;

import io.stockage.ErrorKind;
import io.stockage.Page;
import io.stockage.PageRequest;
import io.stockage.StockageException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The sort key of the last item of a page, as the opaque cursor of {@link PageRequest}: a
 * listing reads the items strictly after it in its order (keyset paging). A cursor holds sort
 * values only, never a permission: the listing filters the next page as it filters the first.
 *
 * @param values the item's sort key, in the listing's sort order
 */
public record PageCursor(List<String> values) {
  private static final int VERSION = 1;

  /** Copies. */
  public PageCursor {
    values = List.copyOf(values);
  }

  /** A cursor of these sort values. */
  public static PageCursor of(String... values) {
    return new PageCursor(List.of(values));
  }

  /** The cursor of a request, read with the number of values its listing's key has. */
  public static Optional<PageCursor> of(PageRequest request, int arity) {
    return request.cursor().map(c -> decode(c, arity));
  }

  /**
   * The page of the rows a query returned when asked for one more row than the page holds: that
   * extra row says a next page exists, and the page's last row gives its cursor.
   */
  public static <T> Page<T> page(List<T> rows, PageRequest request, Function<T, PageCursor> key) {
    if (rows.size() <= request.size()) {
      return new Page<>(rows, request, Optional.empty());
    }
    List<T> items = rows.subList(0, request.size());
    return new Page<>(items, request, Optional.of(key.apply(items.get(items.size() - 1)).encode()));
  }

  /** The opaque, URL-safe form. */
  public String encode() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(VERSION);
      out.writeByte(values.size());
      for (String v : values) {
        out.writeUTF(v);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.toByteArray());
  }

  /**
   * Reads a cursor of {@code arity} values.
   *
   * @throws StockageException {@code INVALID_ARGUMENT} for anything {@link #encode} did not write
   *     with that many values
   */
  public static PageCursor decode(String cursor, int arity) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(Base64.getUrlDecoder().decode(cursor)))) {
      if (in.readUnsignedByte() != VERSION || in.readUnsignedByte() != arity) {
        throw invalid();
      }
      List<String> values = new ArrayList<>(arity);
      for (int i = 0; i < arity; i++) {
        values.add(in.readUTF());
      }
      if (in.read() != -1) {
        throw invalid();
      }
      return new PageCursor(values);
    } catch (IOException | IllegalArgumentException e) {
      throw invalid();
    }
  }

  /** The value at a position of the key. */
  public String get(int index) {
    return values.get(index);
  }

  /** The value at a position of the key, as a number. */
  public long number(int index) {
    try {
      return Long.parseLong(values.get(index));
    } catch (NumberFormatException e) {
      throw invalid();
    }
  }

  /** The value at a position of the key, as an instant. */
  public java.time.Instant instant(int index) {
    try {
      return java.time.Instant.parse(values.get(index));
    } catch (java.time.format.DateTimeParseException e) {
      throw invalid();
    }
  }

  /** The value at a position of the key, as a UUID. */
  public java.util.UUID uuid(int index) {
    try {
      return java.util.UUID.fromString(values.get(index));
    } catch (IllegalArgumentException e) {
      throw invalid();
    }
  }

  private static StockageException invalid() {
    return StockageException.of(ErrorKind.INVALID_ARGUMENT, "not a cursor of this listing");
  }
}
