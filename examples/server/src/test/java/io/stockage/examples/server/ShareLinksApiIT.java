package io.stockage.examples.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Share links over real HTTP: created by a sharer, opened anonymously, revoked at once. */
class ShareLinksApiIT extends ServerIT {

  private HttpResponse<String> create(String user, String id, String body) {
    return http.json(user, "POST", "/api/v1/files/" + id + "/share-links", body);
  }

  @Test
  void shareLink_opensAnonymously_thenRevokedIs404AtOnce() {
    String id = uploadPdf("alice", "shared-http.pdf", "shared over http");
    byte[] pdf = http.sendForBytes(http.request("alice", "/api/v1/files/" + id + "/content")).body();
    HttpResponse<String> created = create("alice", id, "{\"expiresInSeconds\":600}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(created.body()).contains("\"expiresAt\":\"");
    String path = URI.create(member(created.body(), "url")).getRawPath();
    assertThat(path).matches("/s/[A-Za-z0-9_-]{43}");

    HttpResponse<byte[]> whole = http.sendForBytes(http.request(null, path));
    assertThat(whole.statusCode()).isEqualTo(200);
    assertThat(whole.body()).isEqualTo(pdf);
    assertThat(whole.headers().firstValue("Content-Disposition").orElseThrow()).contains("shared-http.pdf");
    assertThat(whole.headers().firstValue("Cache-Control")).hasValue("no-store");
    HttpResponse<byte[]> part = http.sendForBytes(http.request(null, path).header("Range", "bytes=5-14"));
    assertThat(part.statusCode()).isEqualTo(206);
    assertThat(part.body()).isEqualTo(Arrays.copyOfRange(pdf, 5, 15));

    String link = member(created.body(), "id");
    assertThat(http.send(http.request("mallory", "/api/v1/share-links/" + link).DELETE()).statusCode()).isEqualTo(404);
    assertThat(http.send(http.request("alice", "/api/v1/share-links/" + link).DELETE()).statusCode()).isEqualTo(204);
    HttpResponse<String> revoked = http.get(null, path);
    assertThat(revoked.statusCode()).isEqualTo(404);
    assertThat(revoked.body()).contains("\"kind\":\"NOT_FOUND\"");
  }

  @Test
  void createShareLink_otherOrgIs404_andWithoutShareIs403() {
    String id = uploadPdf("alice", "acme-only.pdf", "acme only");
    assertThat(create("mallory", id, "{\"expiresInSeconds\":600}").statusCode()).isEqualTo(404);
    assertThat(create("bob", id, "{\"expiresInSeconds\":600}").statusCode()).isEqualTo(403);
    assertThat(create("carol", id, "{}").statusCode()).isEqualTo(403);
    assertThat(create(null, id, "{}").statusCode()).isEqualTo(401);
    assertThat(create("alice", id, "{\"expiresInSeconds\":0}").statusCode()).isEqualTo(400);
  }

  @Test
  void unknownToken_is404() {
    assertThat(http.get(null, "/s/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA").statusCode()).isEqualTo(404);
    assertThat(http.get(null, "/s/x").statusCode()).isEqualTo(404);
  }
}
