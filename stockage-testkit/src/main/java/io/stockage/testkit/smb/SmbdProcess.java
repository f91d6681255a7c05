package io.stockage.testkit.smb;

import io.stockage.testkit.Commands;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One {@code smbd} run in the foreground as a child process, in a process group of its own, its
 * output appended to a log.
 *
 * <p>smbd forks a process per client connection: killing the main process alone would leave
 * those serving on. So it runs under {@code setsid}, which makes it the leader of a new process
 * group, and {@link #kill()} kills the whole group (a child whose parent died stays in it) and
 * waits until no member is left. The command runs under {@code /bin/sh}, which waits on its
 * standard input: when the test JVM exits, however it exits, the pipe closes and the shell kills
 * the group, so no smbd outlives the tests.
 */
final class SmbdProcess {
  private static final String WATCHDOG =
      "setsid \"$@\" </dev/null & pid=$!; cat >/dev/null; kill -9 -$pid 2>/dev/null; wait $pid";
  private static final Duration POLL = Duration.ofMillis(20);

  private final List<String> command;
  private final Path pidFile;
  private final Path log;
  private Process shell;
  private long pid;

  /**
   * @param command the smbd command line, in the foreground, without its own process group
   * @param pidFile where smbd writes its pid ({@code pid directory} of its configuration)
   * @param log where its output goes
   */
  SmbdProcess(List<String> command, Path pidFile, Path log) {
    this.command = List.copyOf(command);
    this.pidFile = pidFile;
    this.log = log;
  }

  /**
   * Starts smbd and returns once it accepts connections on the port.
   *
   * @throws IllegalStateException when it exits or is not ready in time, with the end of its log
   */
  void start(int port, Duration timeout) {
    try {
      Files.deleteIfExists(pidFile);
      long logStart = Files.exists(log) ? Files.size(log) : 0;
      List<String> full = new ArrayList<>(List.of("/bin/sh", "-c", WATCHDOG, "stockage-smbd"));
      full.addAll(command);
      shell = new ProcessBuilder(full).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
      awaitReady(port, timeout, logStart);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start smbd", e);
    }
  }

  private void awaitReady(int port, Duration timeout, long logStart) {
    long deadline = System.nanoTime() + timeout.toNanos();
    Optional<ProcessHandle> server = Optional.empty();
    while (System.nanoTime() < deadline) {
      Optional<Long> started = readPid();
      if (started.isPresent() && accepts(port)) {
        pid = started.get();
        return;
      }
      boolean seen = server.isPresent();
      server = server.or(this::serverChild);
      if (!shell.isAlive() || seen && !server.get().isAlive()) {
        kill();
        throw new IllegalStateException("smbd exited before it was ready; its log ends with:\n" + logSince(logStart));
      }
      sleep(POLL);
    }
    kill();
    throw new IllegalStateException("smbd was not ready after " + timeout + "; its log ends with:\n" + logSince(logStart));
  }

  /** The shell's child running smbd (under setsid), once forked: the one that is not {@code cat}. */
  private Optional<ProcessHandle> serverChild() {
    return shell.toHandle().children()
        .filter(h -> h.info().command().map(c -> !c.endsWith("/cat")).orElse(true)).findFirst();
  }

  /** Whether smbd (not only the watchdog shell) runs. */
  boolean isAlive() {
    return shell != null && shell.isAlive() && pid != 0 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  /** Kills smbd and every process of its group at once, as a crash would, and waits until all are gone. */
  void kill() {
    if (shell == null) {
      return;
    }
    long group = pid != 0 ? pid : serverChild().map(ProcessHandle::pid).orElse(0L);
    // The main process first, so that it forks no more; then every member, until none is left.
    ProcessHandle.of(group).ifPresent(ProcessHandle::destroyForcibly);
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    for (List<Long> left = members(group); group != 0 && !left.isEmpty(); left = members(group)) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("smbd processes of group " + group + " did not exit: " + left);
      }
      left.forEach(p -> ProcessHandle.of(p).ifPresent(ProcessHandle::destroyForcibly));
      sleep(POLL);
    }
    try {
      shell.getOutputStream().close();
    } catch (IOException e) {
      // The shell reads nothing more: it is gone or going.
    }
    shell.destroyForcibly();
    shell = null;
    pid = 0;
  }

  private Optional<Long> readPid() {
    try {
      String text = Files.readString(pidFile, StandardCharsets.US_ASCII).trim();
      return text.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(text));
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** Whether something accepts TCP connections on the loopback port. */
  static boolean accepts(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** The live processes of a process group, read from {@code /proc} (zombies excepted: they hold nothing). */
  static List<Long> members(long group) {
    List<Long> pids = new ArrayList<>();
    try (DirectoryStream<Path> proc = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
      for (Path p : proc) {
        try {
          String stat = Files.readString(p.resolve("stat"), StandardCharsets.US_ASCII);
          // pid (comm) state ppid pgrp ...: comm may hold spaces and parentheses, so split after the last ')'.
          String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
          if (!"Z".equals(fields[0]) && Long.parseLong(fields[2]) == group) {
            pids.add(Long.parseLong(p.getFileName().toString()));
          }
        } catch (IOException | RuntimeException e) {
          // The process exited while the directory was read.
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read /proc", e);
    }
    return pids;
  }

  private String logSince(long start) {
    try {
      byte[] all = Files.readAllBytes(log);
      int from = (int) Math.min(start, all.length);
      return Commands.tail(new String(all, from, all.length - from, StandardCharsets.UTF_8));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for smbd", e);
    }
  }
}
