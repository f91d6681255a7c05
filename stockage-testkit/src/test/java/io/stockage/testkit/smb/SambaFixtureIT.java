package io.stockage.testkit.smb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The Samba fixture: a share smbclient can use, stopped and started on the same port, nothing left behind. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SambaFixtureIT {
  private SambaFixture samba;

  @TempDir
  Path local;

  @BeforeAll
  void startSamba() {
    long started = System.nanoTime();
    samba = SambaFixture.create();
    System.out.printf("Samba fixture started in %d ms: %s%n", (System.nanoTime() - started) / 1_000_000, samba);
  }

  @AfterAll
  void closeSamba() {
    if (samba != null) {
      samba.close();
    }
  }

  @Test
  void smbclient_putThenGet_roundTripsThroughTheShare() throws Exception {
    Path source = Files.writeString(local.resolve("hello.txt"), "bonjour 😀", StandardCharsets.UTF_8);
    samba.smbclient().mkdir("inbox");
    samba.smbclient().put(source, "inbox/hello.txt");
    assertThat(samba.shareDirectory().resolve("inbox/hello.txt")).hasContent("bonjour 😀");
    assertThat(samba.smbclient().ls("inbox")).contains("hello.txt");
    samba.smbclient().get("inbox/hello.txt", local.resolve("back.txt"));
    assertThat(local.resolve("back.txt")).hasSameBinaryContentAs(source);
  }

  @Test
  void smbclient_wrongCommand_failsWithItsOutput() {
    assertThatThrownBy(() -> samba.smbclient().get("no/such/file", local.resolve("x")))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("NT_STATUS_");
  }

  @Test
  void stopThenStart_samePortSameFiles() throws Exception {
    Path source = Files.writeString(local.resolve("kept.txt"), "kept", StandardCharsets.UTF_8);
    samba.smbclient().put(source, "kept.txt");
    int port = samba.port();

    samba.stop();
    assertThat(SmbdProcess.accepts(port)).as("port open after stop").isFalse();
    assertThatThrownBy(() -> samba.smbclient().ls("")).isInstanceOf(IllegalStateException.class);

    samba.start();
    assertThat(samba.port()).isEqualTo(port);
    samba.smbclient().get("kept.txt", local.resolve("kept-back.txt"));
    assertThat(local.resolve("kept-back.txt")).hasContent("kept");
  }

  @Test
  void jvmKilled_smbdIsKilledByTheWatchdog() throws Exception {
    Process jvm = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
        System.getProperty("java.class.path"), OrphanMain.class.getName())).redirectErrorStream(true).start();
    String output = new String(jvm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(jvm.waitFor(120, TimeUnit.SECONDS)).isTrue();
    long pid = Long.parseLong(output.replaceAll("(?s).*smbd pid=(\\d+).*", "$1"));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!SmbdProcess.members(pid).isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(SmbdProcess.members(pid)).as("smbd processes left: %s", output).isEmpty();
    assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).isNotEqualTo(Optional.of(true));
    // The halted JVM could not delete its fixture's directory.
    deleteTree(Path.of(output.replaceAll("(?s).*dir=(\\S+).*", "$1")));
  }

  private static void deleteTree(Path dir) throws java.io.IOException {
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  /** Starts a fixture, prints smbd's pid, and halts at once: no shutdown hook runs. */
  public static final class OrphanMain {
    private OrphanMain() {}

    /** No arguments. */
    public static void main(String[] args) throws Exception {
      SambaFixture samba = SambaFixture.create();
      samba.smbclient().ls("");
      String pid = Files.readString(samba.shareDirectory().resolveSibling("run").resolve("smbd.pid")).trim();
      System.out.println("smbd pid=" + pid + " dir=" + samba.shareDirectory().getParent());
      System.out.flush();
      Runtime.getRuntime().halt(0);
    }
  }
}
