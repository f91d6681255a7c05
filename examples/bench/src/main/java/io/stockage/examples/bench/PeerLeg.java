package io.stockage.examples.bench;

import java.io.IOException;
import java.nio.file.Path;

/**
 * One store the peer benchmark measures: a file put in under a key, got back out into a file,
 * then removed. Each call returns how long the put or the get took, in nanoseconds.
 */
interface PeerLeg extends AutoCloseable {
  /** The row's name, e.g. {@code OpenDAL fs}. */
  String name();

  /** Stores the source file's bytes under the key; returns the nanoseconds it took. */
  long store(Path source, String key) throws IOException;

  /** Writes the bytes stored under the key into {@code target}; returns the nanoseconds it took. */
  long fetch(String key, Path target) throws IOException;

  /** Removes what {@link #store} wrote (not timed), so the next store writes its bytes again. */
  void remove(String key) throws IOException;

  @Override
  void close() throws IOException;

  /** Times an action. */
  static long timed(IoAction action) throws IOException {
    long start = System.nanoTime();
    action.run();
    return System.nanoTime() - start;
  }

  /** Something that does I/O. */
  @FunctionalInterface
  interface IoAction {
    void run() throws IOException;
  }
}
