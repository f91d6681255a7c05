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
 * The web UI in a real browser: alice drops a PDF and a GLB and sees their progress, the PDF's first
 * page with its text in the text layer and the GLB drawn in 3D, uploads a new
 * revision, compares it with the first and restores that; a 160 MB upload cut off by a page reload
 * resumes when the file is added again and stores the same bytes; axe-core finds no serious or
 * critical violation on the workspace; carol, a VIEWER, sees no control she may
 * not use until an EDITOR entry on a folder lets her upload there; bob's upload appears in alice's
 * list within a second without a reload. {@code src/test/node/browser/blueprints.mjs} drives Debian's
 * Chromium (installed with apt-get when missing) with playwright-core (installed from its lockfile
 * by the build) against this server; it fails on any request that leaves the host. Screenshots go
 * to {@code target/browser-artifacts}. {@code panels.mjs} goes through the rest: thumbnails made by
 * the server shown in the list, a move, the Members tab, the Vault shared with bob, the live mount
 * (carol browses on a narrow screen, bob writes), search filters and the row menu by keyboard.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    // .bin: a host that takes glTF models with their buffers in files of their own.
    properties = {"STOCKAGE_DEMO_PASSWORD=s3cret", "stockage.upload.max-size=300MB",
        "stockage.upload.allowed-extensions=.pdf,.png,.jpg,.glb,.gltf,.stl,.bin"})
class BlueprintsBrowserIT {
  private static final Path SCRIPTS = Path.of("src", "test", "node", "browser").toAbsolutePath();
  private static final Path DATA_DIR = Path.of("target", "browser-it-" + java.util.UUID.randomUUID()).toAbsolutePath();
  private static final Path ARTIFACTS = Path.of("target", "browser-artifacts").toAbsolutePath();

  @LocalServerPort
  int port;

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) {
    registry.add("stockage.data-dir", DATA_DIR::toString);
    registry.add("stockage.mounts.main.provider", () -> "fs");
    registry.add("stockage.mounts.main.root", () -> DATA_DIR.resolve("managed").toString());
    // A live mount next to the managed files: a folder here (the smb profile puts one on Samba).
    registry.add("stockage.mounts.share.provider", () -> "fs");
    registry.add("stockage.mounts.share.mode", () -> "live");
    registry.add("stockage.mounts.share.org", () -> "acme");
    registry.add("stockage.mounts.share.root", () -> DATA_DIR.resolve("share").toString());
  }

  @BeforeAll
  static void chromium() {
    DebianPackages.require(Path.of("/usr/bin/chromium"), "The browser tests", "chromium");
  }

  @Test
  void blueprints_uploadsHistoryRolesAndLiveUpdates_inARealBrowser() throws Exception {
    Path samples = Files.createDirectories(DATA_DIR.resolve("samples"));
    Files.write(samples.resolve("girder-survey.pdf"), Samples.pdf("Girder survey: the deflection of the main span"));
    Files.write(samples.resolve("girder-model.glb"), Samples.glb("Girder"));
    Files.write(samples.resolve("deck-notes.pdf"), Samples.pdf("Deck notes"));
    Files.write(Files.createDirectories(samples.resolve("v2")).resolve("girder-survey.pdf"),
        Samples.pdf("Girder survey: the deflection of the main span, measured again in May"));

    // Large enough that the page reload comes while it is still being sent.
    String largeSha256 = LargePdf.write(samples.resolve("large.pdf"), 160L << 20, 7);

    String out = node("blueprints.mjs", "http://localhost:" + port, "s3cret", samples.toString(), ARTIFACTS.toString(),
        largeSha256);

    System.out.println("[BlueprintsBrowserIT] " + out.strip().lines().reduce((a, b) -> b).orElse(""));
    assertThat(out).contains("\"outcome\":\"passed\"").contains("\"offHost\":[]");
    assertThat(ARTIFACTS.resolve("workspace.png")).isNotEmptyFile();
    assertThat(ARTIFACTS.resolve("history.png")).isNotEmptyFile();
    assertThat(ARTIFACTS.resolve("preview-pdf.png")).isNotEmptyFile();
    assertThat(ARTIFACTS.resolve("preview-glb.png")).isNotEmptyFile();
  }

  @Test
  void panels_thumbnailsMoveMembersVaultLiveMountAndSearchFilters_inARealBrowser() throws Exception {
    Path samples = Files.createDirectories(DATA_DIR.resolve("panel-samples"));
    Files.write(samples.resolve("cover-sheet.pdf"), Samples.pdf("Cover sheet of the bridge file"));
    Files.write(samples.resolve("pier.stl"), Samples.stlAscii(3));
    Files.write(samples.resolve("vault-contract.pdf"), Samples.pdf("Contract"));
    Files.write(samples.resolve("from-bob.pdf"), Samples.pdf("From bob"));
    Files.write(samples.resolve("deck.gltf"), Samples.gltfExternal("Deck", "deck.bin"));
    Files.write(samples.resolve("deck.bin"), Samples.gltfBuffer());
    Files.writeString(samples.resolve("notes.txt"), "plain notes\n");
    Files.write(Files.createDirectories(DATA_DIR.resolve("share").resolve("plans")).resolve("outside.pdf"),
        Samples.pdf("Written on the share"));

    String out = node("panels.mjs", "http://localhost:" + port, "s3cret", samples.toString(), ARTIFACTS.toString());

    System.out.println("[BlueprintsBrowserIT] " + out.strip().lines().reduce((a, b) -> b).orElse(""));
    assertThat(out).contains("\"outcome\":\"passed\"").contains("\"offHost\":[]");
    assertThat(DATA_DIR.resolve("share").resolve("plans").resolve("from-bob.pdf")).as("bob's upload to the live mount")
        .hasBinaryContent(Samples.pdf("From bob"));
    assertThat(ARTIFACTS.resolve("thumbnails.png")).isNotEmptyFile();
    assertThat(ARTIFACTS.resolve("vault.png")).isNotEmptyFile();
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
