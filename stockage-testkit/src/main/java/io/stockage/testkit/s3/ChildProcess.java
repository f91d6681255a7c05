package io.stockage.testkit.s3;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A server run as a child process, its output appended to a log file.
 *
 * <p>On Unix the command runs under {@code /bin/sh}, which waits on its standard input: when the
 * test JVM exits, however it exits ({@code kill -9} included), the pipe closes and the shell kills
 * the server, so no stray server outlives the tests. Where there is no {@code /bin/sh} the server
 * is started directly and only a shutdown hook stops it.
 */
final class ChildProcess {
  // "$@" is the server command. On end of input (the JVM is gone, or stop closed it) kill the server
  // and wait for it, so that its port is closed once the shell exits.
  private static final String WATCHDOG = "\"$@\" </dev/null & pid=$!; cat >/dev/null; kill -9 $pid 2>/dev/null; wait $pid";
  private static final Duration POLL = Duration.ofMillis(50);

  private final Process process;
  private final Path log;
  private final long logStart;

  private ChildProcess(Process process, Path log, long logStart) {
    this.process = process;
    this.log = log;
    this.logStart = logStart;
  }

  /** Starts the command, appending its output to the log. */
  static ChildProcess start(List<String> command, Path log, Path workDir) {
    try {
      Files.createDirectories(log.getParent());
      long start = Files.exists(log) ? Files.size(log) : 0;
      List<String> full = new ArrayList<>();
      if (new File("/bin/sh").canExecute()) {
        full.addAll(List.of("/bin/sh", "-c", WATCHDOG, "stockage-s3-server"));
      }
      full.addAll(command);
      Process process = new ProcessBuilder(full).directory(workDir.toFile())
          .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
      return new ChildProcess(process, log, start);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + command.get(0), e);
    }
  }

  /** The path of the Java launcher of this JVM, to run the server jars with. */
  static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /**
   * Waits until a line of output since the start matches the pattern, and returns the match.
   *
   * @throws IllegalStateException when the server exits or the timeout passes first, with the
   *     end of its log
   */
  Matcher awaitLine(Pattern pattern, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      Optional<Matcher> found = find(pattern);
      if (found.isPresent()) {
        return found.get();
      }
      if (!isAlive()) {
        throw new IllegalStateException("the server exited before it was ready; its log ends with:\n" + tail());
      }
      sleep(POLL);
    }
    throw new IllegalStateException("the server was not ready after " + timeout + "; its log ends with:\n" + tail());
  }

  /** Whether the server (not only its watchdog shell) still runs. */
  boolean isAlive() {
    return process.isAlive() && process.toHandle().children().allMatch(ProcessHandle::isAlive);
  }

  /** The pids of the process and its descendants (the watchdog shell, the server). */
  List<Long> pids() {
    List<Long> pids = new ArrayList<>();
    pids.add(process.pid());
    process.toHandle().descendants().forEach(h -> pids.add(h.pid()));
    return pids;
  }

  /** Kills the server at once, as a crash would, and waits until it is gone. */
  void kill() {
    List<ProcessHandle> all = new ArrayList<>(process.toHandle().descendants().toList());
    all.add(process.toHandle());
    all.forEach(ProcessHandle::destroyForcibly);
    try {
      process.getOutputStream().close();
    } catch (IOException e) {
      // The shell reads nothing more: it is gone or going.
    }
    for (ProcessHandle handle : all) {
      try {
        handle.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while stopping the server", e);
      } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
        throw new IllegalStateException("the server process did not exit: pid " + handle.pid(), e);
      }
    }
  }

  private Optional<Matcher> find(Pattern pattern) {
    for (String line : linesSinceStart()) {
      Matcher m = pattern.matcher(line);
      if (m.find()) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }

  private List<String> linesSinceStart() {
    try {
      byte[] all = Files.readAllBytes(log);
      int from = (int) Math.min(logStart, all.length);
      return new String(all, from, all.length - from, StandardCharsets.UTF_8).lines().toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  private String tail() {
    List<String> lines = linesSinceStart();
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the server", e);
    }
  }
}
