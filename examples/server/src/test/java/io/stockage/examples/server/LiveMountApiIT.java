package io.stockage.examples.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.stockage.testkit.Samples;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A live mount configured by properties (a folder here; the smb profile puts one on Samba). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"STOCKAGE_DEMO_PASSWORD=s3cret", "stockage.live-listing-ttl=100ms"})
class LiveMountApiIT {
  private static final Path DIR = Path.of("target", "live-api-" + java.util.UUID.randomUUID()).toAbsolutePath();

  @LocalServerPort
  int port;

  @DynamicPropertySource
  static void mounts(DynamicPropertyRegistry registry) {
    registry.add("stockage.data-dir", () -> DIR.resolve("data").toString());
    registry.add("stockage.mounts.main.provider", () -> "fs");
    registry.add("stockage.mounts.main.root", () -> DIR.resolve("managed").toString());
    registry.add("stockage.mounts.share.provider", () -> "fs");
    registry.add("stockage.mounts.share.mode", () -> "live");
    registry.add("stockage.mounts.share.org", () -> "acme");
    registry.add("stockage.mounts.share.root", () -> DIR.resolve("share").toString());
    registry.add("stockage.mounts.share.prune-empty-directories", () -> "false");
  }

  @Test
  void liveMount_byPath_withPerMountRoles() throws Exception {
    Http http = new Http(port, "s3cret");
    Files.createDirectories(DIR.resolve("share/plans"));
    Files.write(DIR.resolve("share/plans/outside.pdf"), Samples.pdf("written on the share"));
    HttpResponse<String> listing = http.get("carol", "/api/v1/mounts/share/entries?path=plans");
    assertThat(listing.statusCode()).isEqualTo(200);
    assertThat(listing.body()).contains("\"name\":\"outside.pdf\"", "\"type\":\"FILE\"", "\"version\"");
    assertThat(http.get("carol", "/api/v1/mounts").body()).contains("\"name\":\"share\"", "\"mode\":\"LIVE\"", "\"role\":\"VIEWER\"");

    byte[] pdf = Samples.pdf("through the API");
    HttpResponse<String> put = http.send(http.request("bob", "/api/v1/mounts/share/content?path=plans/new.pdf")
        .PUT(HttpRequest.BodyPublishers.ofByteArray(pdf)));
    assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
    assertThat(Files.readAllBytes(DIR.resolve("share/plans/new.pdf"))).isEqualTo(pdf);
    assertThat(http.sendForBytes(http.request("carol", "/api/v1/mounts/share/content?path=plans/new.pdf")).body())
        .isEqualTo(pdf);

    assertThat(http.send(http.request("carol", "/api/v1/mounts/share/content?path=plans/x.pdf")
        .PUT(HttpRequest.BodyPublishers.ofByteArray(pdf))).statusCode()).isEqualTo(403);
    assertThat(http.json("carol", "POST", "/api/v1/mounts/share/move", "{\"from\":\"plans/new.pdf\",\"to\":\"y.pdf\"}")
        .statusCode()).isEqualTo(403);
    assertThat(http.send(http.request("carol", "/api/v1/mounts/share/entries?path=plans/new.pdf").DELETE()).statusCode())
        .isEqualTo(403);
    assertThat(http.get("mallory", "/api/v1/mounts/share/entries").statusCode()).isEqualTo(404);
    assertThat(http.get("carol", "/api/v1/mounts/share/search?q=NEW").body())
        .contains("\"path\":\"plans/new.pdf\"", "\"truncated\":false");
    assertThat(http.get("mallory", "/api/v1/mounts").body()).doesNotContain("share");

    assertThat(http.json("bob", "POST", "/api/v1/mounts/share/move", "{\"from\":\"plans/new.pdf\",\"to\":\"plans/renamed.pdf\"}")
        .statusCode()).isEqualTo(200);
    assertThat(http.send(http.request("bob", "/api/v1/mounts/share/entries?path=plans/renamed.pdf").DELETE()).statusCode())
        .isEqualTo(204);
    assertThat(Files.exists(DIR.resolve("share/plans/renamed.pdf"))).isFalse();
    assertThat(http.get("bob", "/api/v1/mounts/share/content?path=../managed/x").statusCode()).isEqualTo(422);
  }
}
