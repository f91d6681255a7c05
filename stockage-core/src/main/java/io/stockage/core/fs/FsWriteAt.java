package io.stockage.core.fs;

import io.stockage.ErrorKind;
import io.stockage.StockageException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * {@link FileSystemProvider#writeAt}: a file written in place at an offset, cut back there first,
 * and forced to the disk ({@code fdatasync}, which also makes the new size durable) before it
 * returns. A new file's directory entry is forced too, so a crash keeps the file it reported.
 */
final class FsWriteAt {
  private static final int BUFFER = 1 << 20;

  private FsWriteAt() {}

  static long write(FsTree tree, String key, Path path, long offset, InputStream data) throws IOException {
    if (offset < 0) {
      throw StockageException.of(ErrorKind.INVALID_ARGUMENT, "an offset is not negative: " + offset);
    }
    FileChannel channel = open(tree, key, path, offset);
    long position = offset;
    try (channel) {
      long size = channel.size();
      if (offset > size) {
        throw StockageException.of(ErrorKind.INVALID_ARGUMENT, "offset " + offset + " is past the end of " + key
            + " (" + size + " bytes)");
      }
      channel.truncate(offset);
      ByteBuffer buffer = ByteBuffer.allocate(BUFFER);
      Flusher flusher = new Flusher(channel);
      try {
        // Filled before each write: a servlet's stream hands over a few KB per read, and a write per
        // read would be a system call per few KB.
        for (int n = data.readNBytes(buffer.array(), 0, BUFFER); n > 0; n = data.readNBytes(buffer.array(), 0, BUFFER)) {
          buffer.clear().limit(n);
          while (buffer.hasRemaining()) {
            position += channel.write(buffer, position);
          }
          flusher.written(n);
        }
      } finally {
        flusher.await();
      }
      channel.force(false);
    }
    if (offset == 0) {
      tree.forceDirectory(path.getParent());
    }
    return position;
  }

  /**
   * Forces what was written to the disk on another thread while the caller reads and writes on,
   * so that the force that ends the write finds little left to do: the disk works while the
   * network delivers (Java has no {@code sync_file_range} to start the write-back otherwise).
   */
  private static final class Flusher {
    private static final long EVERY = 4L << 20;
    private static final java.util.concurrent.ExecutorService THREADS =
        java.util.concurrent.Executors.newCachedThreadPool(r -> {
          Thread t = new Thread(r, "stockage-fs-flush");
          t.setDaemon(true);
          return t;
        });

    private final FileChannel channel;
    private long pending;
    private java.util.concurrent.Future<?> running;

    Flusher(FileChannel channel) {
      this.channel = channel;
    }

    void written(long bytes) throws IOException {
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

    /** Waits for the force in flight, and rethrows its failure. */
    void await() throws IOException {
      if (running == null) {
        return;
      }
      try {
        running.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new java.io.InterruptedIOException("interrupted while forcing the file to the disk");
      } catch (java.util.concurrent.ExecutionException e) {
        throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
      } finally {
        running = null;
      }
    }
  }

  private static FileChannel open(FsTree tree, String key, Path path, long offset) throws IOException {
    if (offset > 0) {
      try {
        return FileChannel.open(path, StandardOpenOption.WRITE);
      } catch (NoSuchFileException e) {
        throw StockageException.notFound("no object " + key + " to write at offset " + offset);
      }
    }
    for (int attempt = 1; ; attempt++) {
      tree.prepareParent(key, path);
      try {
        return FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      } catch (NoSuchFileException e) {
        // A concurrent delete pruned the directory just made.
        if (attempt == FsTree.ATTEMPTS) {
          throw e;
        }
      }
    }
  }
}
