package io.stockage.core.fs;

import io.stockage.ErrorKind;
import io.stockage.StockageException;
import java.io.IOException;
import java.io.InputStream;
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
  private FsWriteAt() {}

  static long write(FsTree tree, String key, Path path, long offset, InputStream data) throws IOException {
    if (offset < 0) {
      throw StockageException.of(ErrorKind.INVALID_ARGUMENT, "an offset is not negative: " + offset);
    }
    Opened opened = open(tree, key, path, offset);
    long position = offset;
    try (FileChannel channel = opened.channel()) {
      long size = channel.size();
      if (offset > size) {
        throw StockageException.of(ErrorKind.INVALID_ARGUMENT, "offset " + offset + " is past the end of " + key
            + " (" + size + " bytes)");
      }
      channel.truncate(offset);
      position = new FsFlusher(channel, java.util.OptionalLong.empty()).copy(data, position);
    }
    if (offset == 0) {
      tree.forcePlaced(path, opened.madeDirectory());
    }
    return position;
  }

  /** The file opened for writing, and the topmost directory made for it (or null). */
  private record Opened(FileChannel channel, Path madeDirectory) {}

  private static Opened open(FsTree tree, String key, Path path, long offset) throws IOException {
    if (offset > 0) {
      try {
        return new Opened(FileChannel.open(path, StandardOpenOption.WRITE), null);
      } catch (NoSuchFileException e) {
        throw StockageException.notFound("no object " + key + " to write at offset " + offset);
      }
    }
    Path made = null;
    for (int attempt = 1; ; attempt++) {
      made = FsTree.higher(made, tree.prepareParent(key, path));
      try {
        return new Opened(FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE), made);
      } catch (NoSuchFileException e) {
        // A concurrent delete pruned the directory just made.
        if (attempt == FsTree.ATTEMPTS) {
          throw e;
        }
      }
    }
  }
}
