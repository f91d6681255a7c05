package io.stockage.examples.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.stockage.testkit.Samples;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The sample server started once on a random port (embedded PostgreSQL and storage under a
 * temporary directory) and shared by the HTTP tests; the upload cap is lowered to 1 MB.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"STOCKAGE_DEMO_PASSWORD=s3cret", "stockage.upload.max-size=1MB", "sample.changes.heartbeat=1s",
        "sample.cors.allowed-origins=http://app.example"})
@org.springframework.context.annotation.Import(ServerIT.Clocks.class)
abstract class ServerIT {
  /** The engine's clock: tests move it forward instead of sleeping out a time to live. */
  static final TestClock CLOCK = new TestClock();

  /** Gives the engine {@link #CLOCK}. */
  @org.springframework.boot.test.context.TestConfiguration(proxyBeanMethods = false)
  static class Clocks {
    @org.springframework.context.annotation.Bean
    java.time.InstantSource stockageTestClock() {
      return CLOCK;
    }
  }

  /**
   * One data directory for the context every subclass shares (Spring caches it across test
   * classes): a per-class {@code @TempDir} would be deleted under the running server.
   */
  static final Path DATA_DIR = Path.of("target", "server-it-" + java.util.UUID.randomUUID()).toAbsolutePath();

  @LocalServerPort
  int port;

  Http http;

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) {
    registry.add("stockage.data-dir", DATA_DIR::toString);
  }

  @BeforeEach
  void client() {
    http = new Http(port, "s3cret");
  }

  static String member(String json, String name) {
    Matcher m = Pattern.compile("\"" + name + "\":\"?([^\",}]*)").matcher(json);
    assertThat(m.find()).as(json).isTrue();
    return m.group(1);
  }

  String uploadPdf(String user, String name, String text) {
    HttpResponse<String> response = http.upload(user, "bridge", name, Samples.pdf(text));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return member(response.body(), "id");
  }
}
