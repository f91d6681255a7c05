package io.stockage.examples.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.stockage.testkit.Samples;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The {@code smb} profile: a live mount on Samba next to the managed mount, with the demo's roles. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"STOCKAGE_DEMO_PASSWORD=s3cret"})
@ActiveProfiles("smb")
class SmbProfileIT {
  private static final Path DATA_DIR = Path.of("target", "smb-profile-" + java.util.UUID.randomUUID()).toAbsolutePath();

  @LocalServerPort
  int port;

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) {
    registry.add("stockage.data-dir", DATA_DIR::toString);
  }

  @Test
  void liveSmbMount_nextToTheManagedOne() {
    Http http = new Http(port, "s3cret");
    assertThat(http.get("carol", "/api/v1/mounts").body()).contains("\"name\":\"smb-1\"", "\"mode\":\"LIVE\"",
        "\"provider\":\"smb\"", "\"name\":\"main\"");
    byte[] pdf = Samples.pdf("on the SMB share");
    HttpResponse<String> put = http.send(http.request("bob", "/api/v1/mounts/smb-1/content?path=plans/site.pdf")
        .PUT(HttpRequest.BodyPublishers.ofByteArray(pdf)));
    assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
    assertThat(http.get("carol", "/api/v1/mounts/smb-1/entries?path=plans").body()).contains("\"name\":\"site.pdf\"");
    assertThat(http.sendForBytes(http.request("carol", "/api/v1/mounts/smb-1/content?path=plans/site.pdf")).body())
        .isEqualTo(pdf);
    assertThat(http.send(http.request("carol", "/api/v1/mounts/smb-1/entries?path=plans/site.pdf").DELETE())
        .statusCode()).isEqualTo(403);
    assertThat(http.get("mallory", "/api/v1/mounts/smb-1/entries").statusCode()).isEqualTo(404);
    assertThat(http.upload("alice", "bridge", "managed.pdf", pdf).statusCode()).as("the managed mount").isEqualTo(201);
  }
}
