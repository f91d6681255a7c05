package io.stockage.examples.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.stockage.testkit.PostgresFixture;
import io.stockage.testkit.TestDatabase;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code kill -9} of the sample server in the middle of a tus upload: the server (a child JVM on an
 * outside PostgreSQL and a local disk) is killed after 64 MiB were acknowledged and started again;
 * a new tus-js-client resumes; nothing acknowledged was lost (so at most the chunk in flight is
 * sent twice) and the file's SHA-256 is the source's.
 */
class TusServerCrashIT {
  private static final Path CLIENT = Path.of("src", "test", "node", "tus").toAbsolutePath();
  private static final long SIZE = 160L << 20;
  private static final int CHUNK = 8 << 20;
  private static final Pattern ACKNOWLEDGED = Pattern.compile("\"acknowledged\":(\\d+)");

  @Test
  void serverKilledMidUpload_clientResumes_atMostTheChunkInFlightTwice() throws Exception {
    Path dir = Files.createDirectories(Path.of("target", "tus-crash-" + System.nanoTime()).toAbsolutePath());
    Path source = dir.resolve("crash.pdf");
    String sha256 = LargePdf.write(source, SIZE, 7);
    int port;
    try (ServerSocket probe = new ServerSocket(0)) {
      port = probe.getLocalPort();
    }
    try (TestDatabase db = PostgresFixture.create()) {
      Process server = start(db, dir, port);
      Process client = null;
      try {
        awaitUp(port);
        client = node(source, dir.resolve("urls.json"), port);
        long acknowledged = 0;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(client.getInputStream(),
            StandardCharsets.UTF_8))) {
          String line;
          while (acknowledged < (64L << 20) && (line = lines.readLine()) != null) {
            Matcher m = ACKNOWLEDGED.matcher(line);
            if (m.find()) {
              acknowledged = Long.parseLong(m.group(1));
            }
          }
          server.destroyForcibly(); // SIGKILL: no shutdown, a chunk in the middle of its write
          server.waitFor(30, TimeUnit.SECONDS);
          lines.transferTo(java.io.Writer.nullWriter());
        }
        client.waitFor(60, TimeUnit.SECONDS);

        server = start(db, dir, port);
        awaitUp(port);
        Process resumed = node(source, dir.resolve("urls.json"), port);
        String out = new String(resumed.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(resumed.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(resumed.exitValue()).as(out).isZero();
        assertThat(out).contains("\"outcome\":\"done\"");
        Matcher first = ACKNOWLEDGED.matcher(out);
        assertThat(first.find()).as(out).isTrue();
        long resumedAt = Long.parseLong(first.group(1)) - CHUNK;
        assertThat(resumedAt).as("the resumed client started at or after what was acknowledged before the kill")
            .isGreaterThanOrEqualTo(acknowledged);
        String url = ServerIT.member(out.substring(out.indexOf("\"outcome\"")), "url");
        HttpResponse<String> file = new Http(port, "s3cret").get("bob", url.substring(url.indexOf("/api/")));
        assertThat(ServerIT.member(file.body(), "sha256")).isEqualTo(sha256);
      } finally {
        server.destroyForcibly();
        if (client != null) {
          client.destroyForcibly();
        }
      }
    }
  }

  private static Process start(TestDatabase db, Path dir, int port) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-cp", System.getProperty("java.class.path"), SampleServerApplication.class.getName(),
        "--stockage.data-dir=" + dir.resolve("data"), "--stockage.upload.max-size=300MB",
        "--spring.datasource.url=" + db.jdbcUrl(), "--spring.datasource.username=" + db.user(),
        "--spring.datasource.password=" + db.password())
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("server.log").toFile()));
    builder.environment().put("SERVER_PORT", Integer.toString(port));
    builder.environment().put("STOCKAGE_DEMO_PASSWORD", "s3cret");
    return builder.start();
  }

  private static void awaitUp(int port) throws InterruptedException {
    Http http = new Http(port, "s3cret");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (System.nanoTime() < deadline) {
      try {
        if (http.send(http.request(null, "/actuator/health").GET()).statusCode() == 200) {
          return;
        }
      } catch (RuntimeException starting) {
        // not listening yet
      }
      Thread.sleep(200);
    }
    throw new AssertionError("the server did not start");
  }

  private static Process node(Path file, Path store, int port) throws IOException {
    return new ProcessBuilder("node", CLIENT.resolve("upload.mjs").toString(),
        "http://localhost:" + port + "/api/v1/uploads", file.toString(), Integer.toString(CHUNK), "bob:s3cret",
        store.toString(), "bridge", "0").directory(CLIENT.toFile()).redirectErrorStream(true).start();
  }

}
