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

  @Test
  void aWopiLockOnASambaFile_refusesAnotherUsersRestWrite_andItsHolderSaves() {
    Http http = new Http(port, "s3cret");
    assertThat(http.send(http.request("bob", "/api/v1/mounts/smb-1/content?path=plans/locked.pdf")
        .PUT(HttpRequest.BodyPublishers.ofByteArray(Samples.pdf("to be edited")))).statusCode()).isEqualTo(200);
    HttpResponse<String> issued = http.send(http.request("bob", "/api/v1/mounts/smb-1/wopi-token?path=plans/locked.pdf")
        .POST(HttpRequest.BodyPublishers.noBody()));
    assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);
    String src = ServerIT.member(issued.body(), "wopiSrc");
    String wopi = src.substring(src.indexOf("/wopi/")) + "?access_token="
        + java.net.URLEncoder.encode(ServerIT.member(issued.body(), "access_token"), java.nio.charset.StandardCharsets.UTF_8);
    String before = ServerIT.member(http.get(null, wopi).body(), "Version");
    assertThat(http.send(http.request(null, wopi).header("X-WOPI-Override", "LOCK").header("X-WOPI-Lock", "L1")
        .POST(HttpRequest.BodyPublishers.noBody())).statusCode()).isEqualTo(200);

    HttpResponse<String> refused = http.send(http.request("alice", "/api/v1/mounts/smb-1/content?path=plans/locked.pdf")
        .PUT(HttpRequest.BodyPublishers.ofByteArray(Samples.pdf("alice's change"))));
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(423);
    assertThat(refused.body()).contains("LOCKED");

    byte[] saved = Samples.pdf("saved by the editor");
    HttpResponse<String> put = http.send(http.request(null, wopi.replace("?", "/contents?")).header("X-WOPI-Lock", "L1")
        .POST(HttpRequest.BodyPublishers.ofByteArray(saved)));
    assertThat(put.statusCode()).isEqualTo(200);
    assertThat(put.headers().firstValue("X-WOPI-ItemVersion")).isPresent().get().isNotEqualTo(before);
    assertThat(http.sendForBytes(http.request("carol", "/api/v1/mounts/smb-1/content?path=plans/locked.pdf")).body())
        .isEqualTo(saved);
    assertThat(http.send(http.request(null, wopi).header("X-WOPI-Override", "UNLOCK").header("X-WOPI-Lock", "L1")
        .POST(HttpRequest.BodyPublishers.noBody())).statusCode()).isEqualTo(200);
  }
}
