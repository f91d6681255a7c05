package io.stockage.core.fs;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Copies a stream into a file in 256 KiB writes (a servlet's stream hands over a few KB per read: a
 * write per read would be a system call per few KB; a larger buffer is a humongous object for G1 in
 * a small heap, half a region or more, and 64 concurrent uploads held 2 MiB of regions each), forcing what was written to the disk on another
 * thread while the copy goes on, so that the force that ends it finds little left to do: the disk
 * works while the source delivers (Java has no {@code sync_file_range} to start the write-back
 * otherwise). The file is forced ({@code fdatasync}) when {@link #copy} returns.
 */
final class FsFlusher {
  private static final int BUFFER = 256 << 10;
  private static final long EVERY = 4L << 20;
  private static final ExecutorService THREADS = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "stockage-fs-flush");
    t.setDaemon(true);
    return t;
  });

  private final FileChannel channel;
  private final int bufferSize;
  private long pending;
  private Future<?> running;

  /** A copy into the channel; a length known ahead sizes the buffer (a 4 KB file needs no 256 KiB). */
  FsFlusher(FileChannel channel, java.util.OptionalLong length) {
    this.channel = channel;
    this.bufferSize = (int) Math.max(1, Math.min(BUFFER, length.orElse(BUFFER) + 1));
  }

  /** Copies {@code data} to its end into the file from {@code position}, forced; returns the position after. */
  long copy(InputStream data, long position) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(bufferSize);
    long at = position;
    try {
      while (true) {
        int n = data.readNBytes(buffer.array(), 0, bufferSize);
        buffer.clear().limit(n);
        while (buffer.hasRemaining()) {
          at += channel.write(buffer, at);
        }
        written(n);
        if (n < bufferSize) {
          // The stream ended: it is not read again (a multipart part's stream fails a read past its end).
          break;
        }
      }
    } finally {
      await();
    }
    channel.force(false);
    return at;
  }

  private void written(long bytes) throws IOException {
    pending += bytes;
    if (pending >= EVERY && (running == null || running.isDone())) {
      await();
      pending = 0;
      running = THREADS.submit(() -> {
        channel.force(false);
        return null;
      });
    }
  }

  // Waits for the force in flight, and rethrows its failure.
  private void await() throws IOException {
    if (running == null) {
      return;
    }
    try {
      running.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while forcing the file to the disk");
    } catch (ExecutionException e) {
      throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
    } finally {
      running = null;
    }
  }
}
