package io.stockage;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * An open read of a live mount's file, whole or a slice. Close it: it holds a backend stream.
 *
 * @param entry the file
 * @param slice the bytes this read covers
 * @param stream the bytes
 */
public record EntryContent(Entry entry, ByteRange.Slice slice, InputStream stream) implements AutoCloseable {
  /** Validates. */
  public EntryContent {
    Objects.requireNonNull(entry, "entry");
    Objects.requireNonNull(slice, "slice");
    Objects.requireNonNull(stream, "stream");
  }

  /** Whether this read covers only part of the file. */
  public boolean isPartial() {
    return slice.offset() != 0 || slice.length() != entry.size();
  }

  @Override
  public void close() {
    try {
      stream.close();
    } catch (IOException e) {
      throw StockageException.of(ErrorKind.UNAVAILABLE, "closing the entry's stream failed: " + e, e);
    }
  }
}
