package io.stockage.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Installs the Debian packages a test needs when the program it runs is missing, as the project's
 * tests must on a fresh machine: {@code apt-get update} once per JVM, then the install,
 * non-interactively; a second JVM installing at the same time waits for dpkg's lock instead of
 * failing.
 */
public final class DebianPackages {
  // About 25 s when the mirror is quick; a busy machine sharing dpkg's lock may take far longer.
  private static final Duration APT_TIMEOUT = Duration.ofMinutes(15);
  private static final Path APT_GET = Path.of("/usr/bin/apt-get");
  private static boolean updated;

  private DebianPackages() {}

  /**
   * Makes sure {@code program} exists, installing {@code packages} when it does not.
   *
   * @param program the program the test runs
   * @param what who needs it, for the messages ("The SMB tests")
   * @param packages the packages that bring it
   * @return {@code program}
   * @throws IllegalStateException when it is missing and cannot be installed, saying what to do
   */
  public static synchronized Path require(Path program, String what, String... packages) {
    if (Files.isExecutable(program)) {
      return program;
    }
    install(what, packages);
    if (!Files.isExecutable(program)) {
      throw new IllegalStateException("apt-get installed " + String.join(" ", packages) + ", but " + program
          + " is still missing");
    }
    return program;
  }

  /**
   * Installs {@code packages}.
   *
   * @throws IllegalStateException when they cannot be installed, saying what to do
   */
  public static synchronized void install(String what, String... packages) {
    String list = String.join(" ", packages);
    if (!Files.isExecutable(APT_GET)) {
      throw cannotInstall(what, list, "there is no apt-get on this machine (the tests know Debian's packages only)");
    }
    if (!"0".equals(Commands.run(List.of("id", "-u"), Duration.ofSeconds(30)).output().trim())) {
      throw cannotInstall(what, list, "this JVM does not run as root, which apt-get needs");
    }
    long started = System.nanoTime();
    System.err.println("[stockage-testkit] " + what + " need " + list + ": installing with apt-get");
    String lock = "-oDPkg::Lock::Timeout=" + APT_TIMEOUT.toSeconds();
    if (!updated) {
      check(Commands.run(List.of(APT_GET.toString(), lock, "update"), APT_TIMEOUT), what, list, "apt-get update");
      updated = true;
    }
    List<String> command = new ArrayList<>(List.of(APT_GET.toString(), lock, "install", "-y", "--no-install-recommends"));
    command.addAll(List.of(packages));
    check(Commands.run(command, APT_TIMEOUT), what, list, "apt-get install " + list);
    System.err.printf("[stockage-testkit] %s installed in %d s%n", list,
        Duration.ofNanos(System.nanoTime() - started).toSeconds());
  }

  private static void check(Commands.Result result, String what, String list, String step) {
    if (result.exitCode() != 0) {
      throw cannotInstall(what, list, step + " exited with " + result.exitCode() + "; its output ends with:\n"
          + Commands.tail(result.output()));
    }
  }

  private static IllegalStateException cannotInstall(String what, String list, String why) {
    return new IllegalStateException(what + " need " + list + ", which is not installed, and the tests cannot install it: "
        + why + ". Install it yourself with 'apt-get update && apt-get install -y " + list
        + "' (as root), then run the tests again.");
  }
}
