package io.stockage.examples.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.stockage.testkit.DebianPackages;
import io.stockage.testkit.Samples;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The web UI in a real browser: {@code src/test/node/browser/blueprints.mjs} drives Debian's
 * Chromium (installed with apt-get when missing) with playwright-core (installed from its lockfile
 * by the build) against this server; it fails on any request that leaves the host. Screenshots go
 * to {@code target/browser-artifacts}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"STOCKAGE_DEMO_PASSWORD=s3cret"})
class BlueprintsBrowserIT {
  private static final Path SCRIPTS = Path.of("src", "test", "node", "browser").toAbsolutePath();
  private static final Path DATA_DIR = Path.of("target", "browser-it-" + java.util.UUID.randomUUID()).toAbsolutePath();
  private static final Path ARTIFACTS = Path.of("target", "browser-artifacts").toAbsolutePath();

  @LocalServerPort
  int port;

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) {
    registry.add("stockage.data-dir", DATA_DIR::toString);
  }

  @BeforeAll
  static void chromium() {
    DebianPackages.require(Path.of("/usr/bin/chromium"), "The browser tests", "chromium");
  }

  @Test
  void blueprints_dragAndDropUploadsWithProgress_andAnotherUsersUploadAppearsWithoutReload() throws Exception {
    Path samples = Files.createDirectories(DATA_DIR.resolve("samples"));
    Files.write(samples.resolve("girder-survey.pdf"), Samples.pdf("Girder survey: the deflection of the main span"));
    Files.write(samples.resolve("girder-model.glb"), Samples.glb("Girder"));
    Files.write(samples.resolve("deck-notes.pdf"), Samples.pdf("Deck notes"));

    String out = node("blueprints.mjs", "http://localhost:" + port, "s3cret", samples.toString(), ARTIFACTS.toString());

    assertThat(out).contains("\"outcome\":\"passed\"").contains("\"offHost\":[]");
    assertThat(ARTIFACTS.resolve("workspace.png")).isNotEmptyFile();
  }

  private static String node(String script, String... args) throws IOException, InterruptedException {
    java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of("node", SCRIPTS.resolve(script).toString()));
    command.addAll(java.util.List.of(args));
    Process p = new ProcessBuilder(command).directory(SCRIPTS.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(180, TimeUnit.SECONDS)).as(out).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    return out;
  }
}
