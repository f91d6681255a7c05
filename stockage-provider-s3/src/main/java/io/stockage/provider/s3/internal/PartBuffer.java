package io.stockage.provider.s3.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import software.amazon.awssdk.http.ContentStreamProvider;

/**
 * One part's bytes, reused for every part of a write: the only copy of the data a write holds,
 * so memory stays bounded by the part size. It starts small and grows to the part size, so a
 * small write of unknown length does not cost a whole part. Its content can be read any number
 * of times, so the SDK may retry a part.
 */
final class PartBuffer {
  private static final int INITIAL = 64 * 1024;

  private final int capacity;
  private byte[] bytes;
  private int size;

  PartBuffer(int capacity) {
    this.capacity = capacity;
    this.bytes = new byte[Math.min(INITIAL, capacity)];
  }

  /**
   * Replaces the content with the next bytes of the stream, up to the capacity.
   *
   * @return whether the stream ended before the buffer was full
   */
  boolean fill(InputStream in) throws IOException {
    size = 0;
    while (size < capacity) {
      if (size == bytes.length) {
        bytes = Arrays.copyOf(bytes, (int) Math.min((long) bytes.length * 2, capacity));
      }
      int n = in.read(bytes, size, bytes.length - size);
      if (n < 0) {
        return true;
      }
      size += n;
    }
    return false;
  }

  /** The number of bytes held. */
  int size() {
    return size;
  }

  /** The content, readable again for each retry. */
  ContentStreamProvider content() {
    int length = size;
    byte[] data = bytes;
    return () -> new ByteArrayInputStream(data, 0, length);
  }
}
