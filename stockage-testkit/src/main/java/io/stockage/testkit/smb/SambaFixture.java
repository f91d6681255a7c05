package io.stockage.testkit.smb;

import io.stockage.testkit.Commands;
import io.stockage.testkit.conformance.ServerControl;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * A real Samba server for tests: Debian's {@code smbd}, installed with {@code apt-get} when missing
 * (as root), run as a child process with a private {@code smb.conf} on a random loopback port. All
 * its state lives in a temporary directory that {@link #close()} deletes; it serves one writable
 * share, {@value #SHARE}, to one user (the user this JVM runs as, given a random password in
 * Samba's own password database; the system's accounts are not touched).
 *
 * <p>Use the one {@link #shared()} instance per test JVM (it starts in about 0.1 s once
 * installed) and a folder of the share per test class. {@link #stop()} kills smbd and every
 * process serving a connection, as a crash would; {@link #start()} brings it back on the same
 * port with the same files, to test {@code UNAVAILABLE} and recovery. {@link #smbclient()} runs
 * Samba's command-line client on the share.
 *
 * <pre>{@code
 * SambaFixture samba = SambaFixture.shared();
 * SmbStorageProvider smb = SmbStorageProvider.builder()
 *     .host(samba.host()).port(samba.port()).share(samba.share())
 *     .username(samba.username()).password(samba.password())
 *     .build();
 * }</pre>
 */
public final class SambaFixture implements ServerControl, AutoCloseable {
  /** The name of the share. */
  public static final String SHARE = "share";
  private static final String HOST = "127.0.0.1";
  private static final Duration READY_TIMEOUT = Duration.ofMinutes(1);
  private static final int PORT_ATTEMPTS = 5;
  private static SambaFixture shared;

  private final SambaConfig config;
  private final String password;
  private final SmbdProcess smbd;
  private final Smbclient smbclient;
  private final Path smbstatus;
  private boolean closed;

  private SambaFixture(SambaInstall.Tools tools, SambaConfig config, String password) {
    this.config = config;
    this.password = password;
    Path dir = config.dir();
    this.smbd = new SmbdProcess(List.of(tools.smbd().toString(), "--foreground", "--no-process-group",
        "--configfile=" + config.file(), "--debug-stdout", "--debuglevel=1"), config.pidFile(),
        dir.resolve("log").resolve("smbd.out"));
    this.smbclient = new Smbclient(tools.smbclient(), config.file(), dir.resolve("smbclient.auth"),
        "//" + HOST + "/" + SHARE, config.port());
    this.smbstatus = tools.smbstatus();
  }

  /** The JVM's shared Samba, started on first use and killed (its directory deleted) when the JVM exits. */
  public static synchronized SambaFixture shared() {
    if (shared == null) {
      SambaFixture fixture = create();
      Runtime.getRuntime().addShutdownHook(new Thread(fixture::close, "stockage-samba-stop"));
      shared = fixture;
    }
    return shared;
  }

  /**
   * A started Samba of the caller's own; close it.
   *
   * @throws IllegalStateException when Samba is missing and cannot be installed, or does not start
   */
  public static SambaFixture create() {
    SambaInstall.Tools tools = SambaInstall.tools();
    Path dir = newDirectory();
    String user = System.getProperty("user.name");
    byte[] secret = new byte[12];
    new SecureRandom().nextBytes(secret);
    String password = HexFormat.of().formatHex(secret);
    IllegalStateException failure = null;
    for (int attempt = 1; attempt <= PORT_ATTEMPTS; attempt++) {
      SambaConfig config = new SambaConfig(dir, freePort(), SHARE, user);
      config.write();
      SambaFixture fixture = new SambaFixture(tools, config, password);
      try {
        fixture.addUser(tools);
        fixture.start();
        return fixture;
      } catch (IllegalStateException e) {
        // Most likely the free port was taken between choosing it and smbd binding it: another one.
        failure = failure == null ? e : failure;
        fixture.smbd.kill();
      }
    }
    deleteTree(dir);
    throw failure;
  }

  private void addUser(SambaInstall.Tools tools) {
    Path input = config.dir().resolve("smbpasswd.in");
    Path auth = config.dir().resolve("smbclient.auth");
    try {
      Files.writeString(input, password + "\n" + password + "\n", StandardCharsets.UTF_8);
      Files.writeString(auth, "username = " + config.user() + "\npassword = " + password + "\n", StandardCharsets.UTF_8);
      Files.setPosixFilePermissions(auth, PosixFilePermissions.fromString("rw-------"));
      Commands.Result result = Commands.run(List.of("/bin/sh", "-c", "\"$0\" -c \"$1\" -s -a \"$2\" < \"$3\"",
          tools.smbpasswd().toString(), config.file().toString(), config.user(), input.toString()), READY_TIMEOUT);
      if (result.exitCode() != 0) {
        throw new IllegalStateException("smbpasswd could not add user " + config.user() + ":\n" + result.output());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      try {
        Files.deleteIfExists(input);
      } catch (IOException e) {
        // Inside the fixture's private directory, deleted with it.
      }
    }
  }

  /** Starts smbd (again), on the same port with the same files; returns once it accepts connections. */
  @Override
  public synchronized void start() {
    if (closed) {
      throw new IllegalStateException("the Samba fixture is closed");
    }
    if (!smbd.isAlive()) {
      smbd.start(config.port(), READY_TIMEOUT);
    }
  }

  /**
   * Kills smbd and the processes serving its connections at once, as a crash would, keeping the
   * share's files; returns once none is left and the port is closed.
   */
  @Override
  public synchronized void stop() {
    smbd.kill();
  }

  /** The address smbd listens on: {@code 127.0.0.1}. */
  public String host() {
    return HOST;
  }

  /** The TCP port smbd listens on; the same across stop and start. */
  public int port() {
    return config.port();
  }

  /** The name of the share: {@value #SHARE}. */
  public String share() {
    return SHARE;
  }

  /** The one user allowed on the share: the user this JVM runs as. */
  public String username() {
    return config.user();
  }

  /** The user's random password. */
  public String password() {
    return password;
  }

  /** The directory the share serves, on this machine: to check directly what the server stored. */
  public Path shareDirectory() {
    return config.shareDirectory();
  }

  /** Samba's command-line client, logged on to the share. */
  public Smbclient smbclient() {
    return smbclient;
  }

  /**
   * What {@code smbstatus -b} prints: one line per client session, with its protocol version,
   * encryption and signing (an encrypted session shows its cipher, {@code AES-128-GCM}).
   */
  public String sessions() {
    Commands.Result result = Commands.run(List.of(smbstatus.toString(), "--configfile=" + config.file(), "-b"),
        READY_TIMEOUT);
    if (result.exitCode() != 0) {
      throw new IllegalStateException("smbstatus failed (exit " + result.exitCode() + "):\n" + result.output());
    }
    return result.output();
  }

  /** Kills smbd and deletes its directory, the share's files included. */
  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      smbd.kill();
      deleteTree(config.dir());
    }
  }

  @Override
  public String toString() {
    return "SambaFixture[" + HOST + ":" + config.port() + ", share=" + SHARE + ", user=" + config.user() + ", dir="
        + config.dir() + "]";
  }

  private static Path newDirectory() {
    try {
      return Files.createTempDirectory("stockage-samba-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a directory for Samba", e);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot find a free port", e);
    }
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // Leftovers in the temporary directory do no harm; the server is gone.
    }
  }
}
