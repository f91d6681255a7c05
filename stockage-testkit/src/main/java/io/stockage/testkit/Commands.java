package io.stockage.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the programs a fixture needs (installers, servers' tools), without input, non-interactively. */
public final class Commands {
  private Commands() {}

  /**
   * What a command printed (standard output and error together) and how it exited.
   *
   * @param exitCode its exit code
   * @param output what it printed
   */
  public record Result(int exitCode, String output) {}

  /**
   * Runs a command and returns its output.
   *
   * @throws IllegalStateException past the timeout, with the end of its output
   */
  public static Result run(List<String> command, Duration timeout) {
    Path log = null;
    try {
      log = Files.createTempFile("stockage-command-", ".log");
      ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true)
          .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
      Map<String, String> env = builder.environment();
      env.put("DEBIAN_FRONTEND", "noninteractive");
      env.put("LC_ALL", "C");
      Process process = builder.start();
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(command.get(0) + " did not finish within " + timeout + "; its output ends with:\n"
            + tail(Files.readString(log, StandardCharsets.UTF_8)));
      }
      return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + command.get(0), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + command.get(0), e);
    } finally {
      deleteQuietly(log);
    }
  }

  /** The last 30 lines of a program's output. */
  public static String tail(String output) {
    List<String> lines = output.lines().toList();
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
  }

  private static void deleteQuietly(Path file) {
    if (file != null) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        // A leftover log in the temporary directory does no harm.
      }
    }
  }
}
