package io.stockage.testkit.smb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The private {@code smb.conf} of a fixture: a standalone server on one loopback port, every
 * piece of state (password database, locks, caches, pid file, logs) under the fixture's
 * directory, one writable share that only the fixture's user may use. Everything else is
 * Samba's default, case-insensitive names included, so that tests see what a stock server does.
 *
 * @param dir the fixture's directory
 * @param port the TCP port smbd listens on, on 127.0.0.1
 * @param share the share's name
 * @param user the one user allowed on the share
 */
record SambaConfig(Path dir, int port, String share, String user) {
  private static final List<String> STATE_DIRECTORIES =
      List.of("private", "lock", "state", "cache", "run", "ncalrpc", "binddns", "log");

  /** The configuration file. */
  Path file() {
    return dir.resolve("smb.conf");
  }

  /** The directory the share serves. */
  Path shareDirectory() {
    return dir.resolve("share");
  }

  /** Where smbd writes its pid. */
  Path pidFile() {
    return dir.resolve("run").resolve("smbd.pid");
  }

  /** Creates the directories and writes the file. */
  void write() {
    try {
      for (String name : STATE_DIRECTORIES) {
        Files.createDirectories(dir.resolve(name));
      }
      Files.createDirectories(shareDirectory());
      Files.writeString(file(), text(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the Samba configuration under " + dir, e);
    }
  }

  private String text() {
    String d = dir.toString();
    return String.join("\n",
        "[global]",
        "   server role = standalone server",
        "   interfaces = 127.0.0.1",
        "   bind interfaces only = yes",
        "   smb ports = " + port,
        "   disable netbios = yes",
        "   server min protocol = SMB2_10",
        "   security = user",
        "   map to guest = never",
        "   passdb backend = tdbsam:" + d + "/private/passdb.tdb",
        "   private dir = " + d + "/private",
        "   lock directory = " + d + "/lock",
        "   state directory = " + d + "/state",
        "   cache directory = " + d + "/cache",
        "   pid directory = " + d + "/run",
        "   ncalrpc dir = " + d + "/ncalrpc",
        "   binddns dir = " + d + "/binddns",
        "   log file = " + d + "/log/log.%m",
        "   max log size = 10000",
        "   load printers = no",
        "   printcap name = /dev/null",
        "   disable spoolss = yes",
        "   usershare path =",
        "[" + share + "]",
        "   path = " + shareDirectory(),
        "   read only = no",
        "   valid users = " + user,
        "");
  }
}
