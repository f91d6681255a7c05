package io.stockage.spi.storage;

import io.stockage.ByteRange;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * An open read of an object, whole or a slice; the stream yields exactly
 * {@code slice.length()} bytes. Close it.
 *
 * @param info the object
 * @param slice the bytes this read covers
 * @param stream the bytes
 */
public record ObjectContent(ObjectInfo info, ByteRange.Slice slice, InputStream stream)
    implements AutoCloseable {
  /** Validates. */
  public ObjectContent {
    Objects.requireNonNull(info, "info");
    Objects.requireNonNull(slice, "slice");
    Objects.requireNonNull(stream, "stream");
  }

  @Override
  public void close() {
    try {
      stream.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
