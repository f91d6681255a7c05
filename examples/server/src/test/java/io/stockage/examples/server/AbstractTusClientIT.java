package io.stockage.examples.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A real tus client: tus-js-client 4.3 in Node (installed from the lockfile by the build) uploads
 * 200 MiB in 8 MiB chunks, is cut off midway, and a new client process resumes from the
 * fingerprint it stored; the file's SHA-256 is the source's. Run on each storage by a subclass.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"STOCKAGE_DEMO_PASSWORD=s3cret", "stockage.upload.max-size=300MB"})
abstract class AbstractTusClientIT {
  private static final Path CLIENT = Path.of("src", "test", "node", "tus").toAbsolutePath();
  private static final long SIZE = 200L << 20;
  private static final int CHUNK = 8 << 20;

  @LocalServerPort
  int port;

  /** The server's data directory (each context its own: one embedded PostgreSQL per directory). */
  abstract Path dataDir();

  /** Where the upload goes: a project's slug, or {@code mount=...,path=...}. */
  String target(Path source) {
    return "bridge";
  }

  /** The SHA-256 (hex) of what the finished upload stored. */
  String storedSha256(Http http, String upload) throws Exception {
    return ServerIT.member(http.get("bob", upload).body(), "sha256");
  }

  @Test
  void tusJsClient_cutMidwayAndResumedByANewClient_storesTheSameBytes() throws Exception {
    Files.createDirectories(dataDir());
    Path source = dataDir().resolve("survey-" + System.nanoTime() + ".pdf");
    String sha256 = LargePdf.write(source, SIZE, 42);
    Path store = dataDir().resolve("tus-urls.json");

    String first = node(source, store, SIZE / 2);
    assertThat(first).contains("\"outcome\":\"aborted\"");
    String url = ServerIT.member(first, "url");
    Http http = new Http(port, "s3cret");
    HttpResponse<String> head = http.send(http.request("bob", url.substring(url.indexOf("/api/")))
        .header("Tus-Resumable", "1.0.0").method("HEAD", HttpRequest.BodyPublishers.noBody()));
    long stored = Long.parseLong(head.headers().firstValue("Upload-Offset").orElseThrow());
    assertThat(stored).as("stored when cut off").isGreaterThan(0).isLessThan(SIZE);

    String second = node(source, store, 0);
    assertThat(second).contains("\"outcome\":\"done\"");
    assertThat(ServerIT.member(second, "url")).as("the same upload, resumed").isEqualTo(url);
    assertThat(storedSha256(http, url.substring(url.indexOf("/api/")))).isEqualTo(sha256);
  }


  private String node(Path file, Path store, long abortAfter) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("node", CLIENT.resolve("upload.mjs").toString(),
        "http://localhost:" + port + "/api/v1/uploads", file.toString(), Integer.toString(CHUNK), "bob:s3cret",
        store.toString(), target(file), Long.toString(abortAfter))
        .directory(CLIENT.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(300, TimeUnit.SECONDS)).as(out).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    return out;
  }
}
