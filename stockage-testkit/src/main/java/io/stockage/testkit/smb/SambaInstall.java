package io.stockage.testkit.smb;

import io.stockage.testkit.DebianPackages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Finds the Samba programs the fixture runs ({@code smbd}, {@code smbpasswd}, {@code smbclient},
 * {@code smbstatus})
 * and, when they are missing, installs Debian's {@code samba} and {@code smbclient} packages with
 * {@code apt-get} ({@link DebianPackages}), as the project's tests must on a fresh machine.
 */
final class SambaInstall {
  private static final List<Path> DIRECTORIES = List.of(Path.of("/usr/sbin"), Path.of("/usr/bin"), Path.of("/sbin"),
      Path.of("/bin"), Path.of("/usr/local/sbin"), Path.of("/usr/local/bin"));
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
    DebianPackages.install("The SMB tests", "samba", "smbclient");
  }
}
