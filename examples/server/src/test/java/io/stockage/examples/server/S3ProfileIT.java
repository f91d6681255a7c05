package io.stockage.examples.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.stockage.testkit.Samples;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The {@code s3} profile: the managed mount on S3Mock, and signed URLs that redirect to presigned ones. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"STOCKAGE_DEMO_PASSWORD=s3cret"})
@ActiveProfiles("s3")
class S3ProfileIT {
  private static final Path DATA_DIR = Path.of("target", "s3-profile-" + java.util.UUID.randomUUID()).toAbsolutePath();

  @LocalServerPort
  int port;

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) {
    registry.add("stockage.data-dir", DATA_DIR::toString);
  }

  @Test
  void upload_onS3_andAPresignedUrlDownloadsIt() {
    Http http = new Http(port, "s3cret");
    assertThat(http.get("carol", "/api/v1/mounts").body()).contains("\"provider\":\"s3\"", "PRESIGN_READ");
    byte[] pdf = Samples.pdf("stored on S3");
    HttpResponse<String> created = http.upload("alice", "bridge", "on-s3.pdf", pdf);
    assertThat(created.statusCode()).isEqualTo(201);
    String id = ServerIT.member(created.body(), "id");
    assertThat(http.sendForBytes(http.request("carol", "/api/v1/files/" + id + "/content")).body()).isEqualTo(pdf);

    HttpResponse<String> url = http.json("carol", "POST", "/api/v1/files/" + id + "/download-url",
        "{\"expiresInSeconds\": 60}");
    assertThat(url.statusCode()).isEqualTo(200);
    assertThat(url.body()).contains("\"expiresAt\"");
    // A bearer URL of the host: without credentials, it redirects to S3's presigned URL of the revision.
    URI signed = URI.create(ServerIT.member(url.body(), "url").replace("\\u0026", "&"));
    HttpResponse<byte[]> redirect = http.sendForBytes(http.request(null, signed.getRawPath() + "?" + signed.getRawQuery()));
    assertThat(redirect.statusCode()).isEqualTo(302);
    HttpResponse<byte[]> direct = http.sendForBytes(HttpRequest.newBuilder(
        URI.create(redirect.headers().firstValue("Location").orElseThrow())));
    assertThat(direct.statusCode()).isEqualTo(200);
    assertThat(direct.body()).isEqualTo(pdf);
  }
}
