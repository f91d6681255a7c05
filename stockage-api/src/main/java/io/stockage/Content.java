package io.stockage;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * An open read of a file's content, whole or a slice. Close it when done: it holds a backend
 * stream. The stream yields exactly {@code slice.length()} bytes.
 *
 * @param item the file, at the revision being read
 * @param slice the bytes this read covers
 * @param stream the bytes
 */
public record Content(Item item, ByteRange.Slice slice, InputStream stream) implements AutoCloseable {
  /** Validates. */
  public Content {
    Objects.requireNonNull(item, "item");
    Objects.requireNonNull(slice, "slice");
    Objects.requireNonNull(stream, "stream");
  }

  /** Whether this read covers only part of the content. */
  public boolean isPartial() {
    return slice.offset() != 0 || slice.length() != item.size();
  }

  /**
   * Closes the backend stream.
   *
   * @throws StockageException {@code UNAVAILABLE} when the backend failed to close it
   */
  @Override
  public void close() {
    try {
      stream.close();
    } catch (IOException e) {
      throw StockageException.of(ErrorKind.UNAVAILABLE, "closing the content stream failed: " + e, e);
    }
  }
}
