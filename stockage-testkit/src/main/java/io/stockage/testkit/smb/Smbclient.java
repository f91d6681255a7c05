package io.stockage.testkit.smb;

import io.stockage.testkit.Commands;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Samba's command-line client on a {@link SambaFixture}'s share: another SMB client, to check
 * what a provider stored from the outside, or to change the share behind its back. It runs
 * {@code smbclient //127.0.0.1/SHARE -p PORT} with the fixture's user, taking the password from
 * a file only the fixture reads rather than from its command line.
 *
 * <pre>{@code
 * Smbclient smbclient = SambaFixture.shared().smbclient();
 * smbclient.put(localFile, "inbox/report.pdf");
 * String listing = smbclient.run("ls inbox\\*");
 * }</pre>
 *
 * <p>Remote paths are relative to the share and use {@code /} or {@code \}.
 */
public final class Smbclient {
  private static final Duration TIMEOUT = Duration.ofMinutes(2);

  private final Path program;
  private final Path configFile;
  private final Path authFile;
  private final String service;
  private final int port;

  Smbclient(Path program, Path configFile, Path authFile, String service, int port) {
    this.program = program;
    this.configFile = configFile;
    this.authFile = authFile;
    this.service = service;
    this.port = port;
  }

  /**
   * Runs smbclient commands ({@code -c}), separated by {@code ;}, and returns what it printed.
   *
   * @throws IllegalStateException when smbclient fails or a command reports an {@code NT_STATUS_}
   *     error, with its output
   */
  public String run(String commands) {
    Objects.requireNonNull(commands, "commands");
    Commands.Result result = Commands.run(List.of(program.toString(), service, "-p", Integer.toString(port),
        "--configfile=" + configFile, "--authentication-file=" + authFile, "-c", commands), TIMEOUT);
    if (result.exitCode() != 0 || result.output().contains("NT_STATUS_")) {
      throw new IllegalStateException("smbclient -c '" + commands + "' on " + service + ":" + port + " failed (exit "
          + result.exitCode() + "):\n" + Commands.tail(result.output()));
    }
    return result.output();
  }

  /** Uploads a local file to the share, under the remote path; its folder must exist. */
  public void put(Path local, String remote) {
    run("put " + quote(local.toAbsolutePath().toString()) + " " + quote(remote(remote)));
  }

  /** Downloads a file of the share to the local path. */
  public void get(String remote, Path local) {
    run("get " + quote(remote(remote)) + " " + quote(local.toAbsolutePath().toString()));
  }

  /** Creates a folder of the share; its parent must exist. */
  public void mkdir(String remote) {
    run("mkdir " + quote(remote(remote)));
  }

  /** Deletes a file of the share. */
  public void rm(String remote) {
    run("del " + quote(remote(remote)));
  }

  /** What {@code ls} prints for a folder of the share ({@code ""} for its root). */
  public String ls(String remoteFolder) {
    String folder = remote(remoteFolder);
    return run("ls " + quote(folder.isEmpty() ? "*" : folder + "\\*"));
  }

  private static String remote(String path) {
    return path.replace('/', '\\');
  }

  private static String quote(String argument) {
    if (argument.contains("\"") || argument.contains(";")) {
      throw new IllegalArgumentException("smbclient -c cannot quote a path holding '\"' or ';': " + argument);
    }
    return "\"" + argument + "\"";
  }

  @Override
  public String toString() {
    return "Smbclient[" + service + ", port=" + port + "]";
  }
}
