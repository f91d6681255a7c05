package io.stockage.spi.storage;

import java.nio.channels.FileChannel;

/**
 * A read ({@link ObjectContent#stream()}) whose bytes are a region of a local file. A reader that
 * needs random access — a PDF's parser — maps that region instead of copying the stream to a
 * temporary file. A provider's stream may implement it; nothing else depends on it.
 */
public interface FileBacked {
  /** The file, open for as long as the stream is; the reader does not close it. */
  FileChannel channel();

  /** Where the stream's bytes start in the file. */
  long offset();

  /** How many bytes the stream covers from {@link #offset()}. */
  long length();
}
