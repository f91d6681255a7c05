package io.stockage.testkit.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A server started by a JVM that then dies without running its shutdown hooks does not outlive it. */
class ChildProcessIT {
  @TempDir
  Path dir;

  @Test
  void jvmKilled_serverIsKilledByTheWatchdog() throws Exception {
    assumeTrue(new File("/bin/sh").canExecute(), "the watchdog needs /bin/sh");
    Process jvm = new ProcessBuilder(List.of(ChildProcess.java(), "-cp", System.getProperty("java.class.path"),
        OrphanMain.class.getName(), dir.toString())).redirectErrorStream(true).start();
    String output = new String(jvm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(jvm.waitFor(60, TimeUnit.SECONDS)).isTrue();
    long pid = Long.parseLong(output.replaceAll("(?s).*server pid=(\\d+).*", "$1"));
    Optional<ProcessHandle> server = ProcessHandle.of(pid);
    if (server.isPresent()) {
      server.get().onExit().get(30, TimeUnit.SECONDS);
    }
    assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).as(output).isNotEqualTo(Optional.of(true));
  }

  /** Starts a long "server", prints its pid, and halts at once: no shutdown hook runs. */
  public static final class OrphanMain {
    private OrphanMain() {}

    /** Argument: a working directory. */
    public static void main(String[] args) throws Exception {
      Path dir = Path.of(args[0]);
      ChildProcess server = ChildProcess.start(List.of("sleep", "300"), dir.resolve("server.log"), dir);
      Thread.sleep(500);
      System.out.println("server pid=" + serverPid(server));
      System.out.flush();
      Runtime.getRuntime().halt(0);
    }

    private static long serverPid(ChildProcess server) {
      return server.pids().stream().filter(p -> ProcessHandle.of(p).flatMap(h -> h.info().command())
          .map(c -> c.endsWith("sleep")).orElse(false)).findFirst().orElseThrow();
    }
  }
}
