package io.stockage.core.fs;

import io.stockage.spi.storage.ObjectInfo;
import io.stockage.spi.storage.ObjectPage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One page of a prefix listing: walks the smallest directory that holds the prefix and keeps
 * the {@code limit + 1} smallest keys after the cursor, so memory is bounded by the page size.
 */
final class FsLister {
  private final Path root;
  private final String prefix;
  private final Optional<String> after;
  private final int limit;
  private final TreeMap<String, ObjectInfo> page = new TreeMap<>();

  FsLister(Path root, String prefix, Optional<String> after, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be >= 1");
    }
    this.root = root;
    this.prefix = prefix;
    this.after = after;
    this.limit = limit;
  }

  ObjectPage list() {
    int slash = prefix.lastIndexOf('/');
    Path start = slash < 0 ? root : root.resolve(prefix.substring(0, slash));
    if (!Files.isDirectory(start, LinkOption.NOFOLLOW_LINKS)) {
      return new ObjectPage(List.of(), Optional.empty());
    }
    try {
      Files.walkFileTree(start, new Visitor());
    } catch (NoSuchFileException e) {
      // The directory went away while walking: what was seen is the listing.
    } catch (IOException e) {
      throw FsErrors.map(e, "list", prefix);
    } catch (UncheckedIOException e) {
      throw FsErrors.map(e.getCause(), "list", prefix);
    }
    List<ObjectInfo> objects = new ArrayList<>(page.values());
    if (objects.size() <= limit) {
      return new ObjectPage(objects, Optional.empty());
    }
    List<ObjectInfo> first = objects.subList(0, limit);
    return new ObjectPage(first, Optional.of(first.get(limit - 1).key()));
  }

  private void offer(String key, BasicFileAttributes attrs) {
    if (!key.startsWith(prefix) || after.map(a -> key.compareTo(a) <= 0).orElse(false)) {
      return;
    }
    if (page.size() > limit && key.compareTo(page.lastKey()) >= 0) {
      return;
    }
    page.put(key, FileSystemProvider.info(key, attrs));
    if (page.size() > limit + 1) {
      page.pollLastEntry();
    }
  }

  private final class Visitor extends SimpleFileVisitor<Path> {
    @Override
    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
      if (attrs.isRegularFile() && !file.getFileName().toString().startsWith(FileSystemProvider.TEMP_PREFIX)) {
        offer(root.relativize(file).toString(), attrs);
      }
      return FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult visitFileFailed(Path file, IOException e) {
      if (e instanceof NoSuchFileException) {
        return FileVisitResult.CONTINUE;
      }
      throw new UncheckedIOException(e);
    }
  }
}
