package io.stockage.core.fs;

import io.stockage.StockageException;
import io.stockage.spi.storage.DirectoryEntry;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Directories of the file-system provider, for live mounts: one level listed by name (temporary
 * files and symbolic links left out), created with parents, deleted with their content. Symbolic
 * links are never followed, so a link planted in the tree cannot reach outside the root.
 */
final class FsDirectories {
  private final Path root;
  private final FsTree tree;
  private final Function<String, Path> resolve;

  FsDirectories(Path root, FsTree tree, Function<String, Path> resolve) {
    this.root = root;
    this.tree = tree;
    this.resolve = resolve;
  }

  List<DirectoryEntry> list(String path) {
    Path dir = directory(path);
    if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
      throw StockageException.notFound("no directory " + path);
    }
    List<DirectoryEntry> entries = new ArrayList<>();
    try (Stream<Path> children = Files.list(dir)) {
      for (Path child : (Iterable<Path>) children.sorted(Comparator.comparing(p -> p.getFileName().toString()))::iterator) {
        entry(child).ifPresent(entries::add);
      }
    } catch (IOException e) {
      throw FsErrors.map(e, "list", path);
    }
    return entries;
  }

  void create(String path) {
    Path dir = directory(path);
    try {
      Files.createDirectories(dir);
      tree.confine(dir.resolve("probe"));
    } catch (IOException e) {
      throw FsErrors.map(e, "create directory", path);
    }
  }

  void delete(String path) {
    Path dir = directory(path);
    if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try {
      Files.walkFileTree(dir, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
          Files.deleteIfExists(file);
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path visited, IOException e) throws IOException {
          Files.deleteIfExists(visited);
          return FileVisitResult.CONTINUE;
        }
      });
      tree.pruneEmptyParents(dir.getParent());
    } catch (NoSuchFileException e) {
      // Deleted concurrently: gone either way.
    } catch (IOException e) {
      throw FsErrors.map(e, "delete directory", path);
    }
  }

  private Path directory(String path) {
    if (path.isEmpty()) {
      return root;
    }
    Path dir = resolve.apply(path);
    try {
      tree.confine(dir);
    } catch (IOException e) {
      throw FsErrors.map(e, "resolve", path);
    }
    return dir;
  }

  private static java.util.Optional<DirectoryEntry> entry(Path child) throws IOException {
    String name = child.getFileName().toString();
    if (name.startsWith(FileSystemProvider.TEMP_PREFIX)) {
      return java.util.Optional.empty();
    }
    BasicFileAttributes attrs;
    try {
      attrs = Files.readAttributes(child, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException e) {
      return java.util.Optional.empty();
    }
    if (!attrs.isDirectory() && !attrs.isRegularFile()) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(new DirectoryEntry(name, attrs.isDirectory(), attrs.isDirectory() ? 0 : attrs.size(),
        attrs.lastModifiedTime().toInstant()));
  }
}
