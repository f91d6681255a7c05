package io.stockage.examples.bench;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** The baselines: what the JDK does with the same file on the same disk, without Stockage. */
final class Baseline {
  private Baseline() {}

  /** {@code Files.copy}: the copy may still sit in the page cache when it returns. */
  static void copy(Path source, Path target) throws IOException {
    Files.copy(source, target);
  }

  /**
   * {@code Files.copy}, then {@code FileChannel.force(true)} on the copy: the same durability as
   * Stockage's {@code FileSystemProvider}, which forces every object it writes before renaming it.
   */
  static void copyAndForce(Path source, Path target) throws IOException {
    Files.copy(source, target);
    try (FileChannel channel = FileChannel.open(target, StandardOpenOption.WRITE)) {
      channel.force(true);
    }
  }
}
