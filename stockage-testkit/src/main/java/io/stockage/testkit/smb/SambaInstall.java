package io.stockage.testkit.smb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Finds the Samba programs the fixture runs ({@code smbd}, {@code smbpasswd}, {@code smbclient},
 * {@code smbstatus})
 * and, when they are missing, installs Debian's {@code samba} and {@code smbclient} packages with
 * {@code apt-get}, as the project's tests must on a fresh machine. It runs {@code apt-get update}
 * once, then the install, non-interactively; a second JVM installing at the same time waits for
 * dpkg's lock instead of failing.
 */
final class SambaInstall {
  private static final List<Path> DIRECTORIES = List.of(Path.of("/usr/sbin"), Path.of("/usr/bin"), Path.of("/sbin"),
      Path.of("/bin"), Path.of("/usr/local/sbin"), Path.of("/usr/local/bin"));
  // About 25 s when the mirror is quick; a busy machine sharing dpkg's lock may take far longer.
  private static final Duration APT_TIMEOUT = Duration.ofMinutes(15);
  private static Tools tools;

  private SambaInstall() {}

  /**
   * The paths of the Samba programs.
   *
   * @param smbd the server
   * @param smbpasswd sets a user's password in the server's private password database
   * @param smbclient the command-line client
   * @param smbstatus reports the server's sessions
   */
  record Tools(Path smbd, Path smbpasswd, Path smbclient, Path smbstatus) {}

  /**
   * The Samba programs, installed first when missing.
   *
   * @throws IllegalStateException when they are missing and cannot be installed, saying what to do
   */
  static synchronized Tools tools() {
    if (tools == null) {
      tools = find().orElseGet(() -> {
        install();
        return find().orElseThrow(() -> new IllegalStateException(
            "apt-get installed samba and smbclient, but smbd, smbpasswd, smbclient or smbstatus is still missing from "
                + DIRECTORIES));
      });
    }
    return tools;
  }

  private static Optional<Tools> find() {
    Optional<Path> smbd = which("smbd");
    Optional<Path> smbpasswd = which("smbpasswd");
    Optional<Path> smbclient = which("smbclient");
    Optional<Path> smbstatus = which("smbstatus");
    if (smbd.isEmpty() || smbpasswd.isEmpty() || smbclient.isEmpty() || smbstatus.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Tools(smbd.get(), smbpasswd.get(), smbclient.get(), smbstatus.get()));
  }

  private static Optional<Path> which(String program) {
    return DIRECTORIES.stream().map(d -> d.resolve(program)).filter(Files::isExecutable).findFirst();
  }

  private static void install() {
    Optional<Path> apt = which("apt-get");
    if (apt.isEmpty()) {
      throw cannotInstall("there is no apt-get on this machine (the fixture knows Debian's packages only)");
    }
    if (!"0".equals(run(List.of("id", "-u"), Duration.ofSeconds(30)).output().trim())) {
      throw cannotInstall("this JVM does not run as root, which apt-get needs");
    }
    long started = System.nanoTime();
    System.err.println("[stockage-testkit] smbd is missing: installing Debian's samba and smbclient with apt-get");
    String lock = "-oDPkg::Lock::Timeout=" + APT_TIMEOUT.toSeconds();
    check(run(List.of(apt.get().toString(), lock, "update"), APT_TIMEOUT), "apt-get update");
    check(run(List.of(apt.get().toString(), lock, "install", "-y", "--no-install-recommends", "samba", "smbclient"),
        APT_TIMEOUT), "apt-get install samba smbclient");
    System.err.printf("[stockage-testkit] samba and smbclient installed in %d s%n",
        Duration.ofNanos(System.nanoTime() - started).toSeconds());
  }

  private static void check(Result result, String what) {
    if (result.exitCode() != 0) {
      throw cannotInstall(what + " exited with " + result.exitCode() + "; its output ends with:\n"
          + tail(result.output()));
    }
  }

  private static IllegalStateException cannotInstall(String why) {
    return new IllegalStateException("The SMB tests need Samba (smbd, smbpasswd, smbclient), which is not installed, "
        + "and the test fixture cannot install it: " + why + ". Install it yourself with "
        + "'apt-get update && apt-get install -y samba smbclient' (as root), then run the tests again.");
  }

  /** What a command printed (standard output and error together) and how it exited. */
  record Result(int exitCode, String output) {}

  /** Runs a command without input, non-interactively, and returns its output; fails past the timeout. */
  static Result run(List<String> command, Duration timeout) {
    Path log = null;
    try {
      log = Files.createTempFile("stockage-samba-command-", ".log");
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

  static String tail(String output) {
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
