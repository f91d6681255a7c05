package io.stockage.core.fs;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Objects;

/**
 * The bytes of an open file between two positions, read by position. {@link #transferTo} hands a
 * copy into a file to the kernel ({@code FileChannel.transferTo}) and otherwise moves large
 * blocks, where the inherited one would move 8 KB at a time. Closing it closes the channel.
 */
final class FsSliceStream extends InputStream implements io.stockage.spi.storage.FileBacked {
  /** The block {@link #transferTo} moves into a stream that is not a file. */
  static final int BLOCK = 256 * 1024;

  private final FileChannel channel;
  private final long start;
  private final long end;
  private long position;

  FsSliceStream(FileChannel channel, long offset, long length) {
    this.channel = channel;
    this.start = offset;
    this.position = offset;
    this.end = offset + length;
  }

  @Override
  public FileChannel channel() {
    return channel;
  }

  @Override
  public long offset() {
    return start;
  }

  @Override
  public long length() {
    return end - start;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] buf, int off, int len) throws IOException {
    Objects.checkFromIndexSize(off, len, buf.length);
    if (len == 0) {
      return 0;
    }
    if (position >= end) {
      return -1;
    }
    int n = channel.read(ByteBuffer.wrap(buf, off, (int) Math.min(len, end - position)), position);
    if (n > 0) {
      position += n;
    }
    return n;
  }

  @Override
  public long skip(long n) {
    long skipped = Math.max(0, Math.min(n, end - position));
    position += skipped;
    return skipped;
  }

  @Override
  public int available() {
    return (int) Math.min(Integer.MAX_VALUE, end - position);
  }

  @Override
  public long transferTo(OutputStream out) throws IOException {
    Objects.requireNonNull(out, "out");
    long start = position;
    if (out instanceof FileOutputStream file) {
      FileChannel target = file.getChannel();
      while (position < end) {
        long n = channel.transferTo(position, end - position, target);
        if (n <= 0) {
          break; // the file ended early: what follows reads the rest, or sees the end
        }
        position += n;
      }
    }
    byte[] block = new byte[(int) Math.min(BLOCK, Math.max(1, end - position))];
    int n;
    while ((n = read(block, 0, block.length)) > 0) {
      out.write(block, 0, n);
    }
    return position - start;
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
