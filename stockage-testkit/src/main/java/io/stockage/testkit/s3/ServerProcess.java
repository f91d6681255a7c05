package io.stockage.testkit.s3;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The life of one server child process in a private directory: started on a random port the
 * first time, then stopped and started again on the same port with the same data, and finally
 * killed with its directory deleted. Thread-safe.
 */
final class ServerProcess {
  // A cold start on a busy two-core machine takes far longer than the usual 2-7 s.
  private static final Duration READY_TIMEOUT = Duration.ofMinutes(2);

  private final String name;
  private final Path dir;
  private final IntFunction<List<String>> command;
  private final Pattern ready;
  private ChildProcess process;
  private int port;
  private boolean closed;

  /**
   * @param command the command line for a port; 0 asks for a random one
   * @param ready a pattern of the log line saying the server is up, with a group {@code port}
   */
  ServerProcess(String name, Path dir, IntFunction<List<String>> command, Pattern ready) {
    this.name = name;
    this.dir = dir;
    this.command = command;
    this.ready = ready;
  }

  /** A new private directory for a server. */
  static Path newDirectory(String name) {
    try {
      return Files.createTempDirectory("stockage-" + name + "-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a directory for " + name, e);
    }
  }

  /** Starts the server unless it runs; returns once it is ready. */
  synchronized void start() {
    if (closed) {
      throw new IllegalStateException(name + " is closed");
    }
    if (process != null && process.isAlive()) {
      return;
    }
    process = ChildProcess.start(command.apply(port), dir.resolve(name + ".log"), dir);
    try {
      Matcher m = process.awaitLine(ready, READY_TIMEOUT);
      port = Integer.parseInt(m.group("port"));
    } catch (RuntimeException e) {
      process.kill();
      process = null;
      throw e;
    }
  }

  /** Kills the server, as a crash would; returns once its port is closed. */
  synchronized void stop() {
    if (process != null) {
      process.kill();
      process = null;
    }
  }

  /** The port it listens on; the same across stop and start. */
  synchronized int port() {
    if (port == 0) {
      throw new IllegalStateException(name + " was never started");
    }
    return port;
  }

  /** The private directory. */
  Path dir() {
    return dir;
  }

  /** Kills the server and deletes its directory. */
  synchronized void close() {
    stop();
    closed = true;
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // Leftovers in the temporary directory do no harm; the server is gone.
    }
  }

  @Override
  public synchronized String toString() {
    return name + "[port=" + port + ", dir=" + dir + (process != null && process.isAlive() ? ", running" : "") + "]";
  }
}
