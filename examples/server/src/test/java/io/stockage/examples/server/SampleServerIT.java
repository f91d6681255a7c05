package io.stockage.examples.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.stockage.testkit.Samples;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The running sample server, driven over real HTTP: every status code of the API is produced here. */
class SampleServerIT extends ServerIT {

  @Test
  void upload_thenDownload_returnsIdenticalBytes() {
    byte[] pdf = Samples.pdf("Bridge plan");
    HttpResponse<String> created = http.upload("alice", "bridge", "plan-été.pdf", pdf);
    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(created.body()).contains("\"name\":\"plan-été.pdf\"", "\"mimeType\":\"application/pdf\"",
        "\"revision\":1", "\"uploadedBy\":\"alice\"", "\"sha256\":\"", "\"createdAt\":\"", "\"size\":" + pdf.length);
    String id = member(created.body(), "id");
    HttpResponse<byte[]> content = http.sendForBytes(http.request("carol", "/api/v1/files/" + id + "/content"));
    assertThat(content.statusCode()).isEqualTo(200);
    assertThat(content.body()).isEqualTo(pdf);
    assertThat(content.headers().firstValue("Content-Disposition").orElseThrow())
        .contains("attachment", "filename*=UTF-8''plan-%C3%A9t%C3%A9.pdf");
    String etag = content.headers().firstValue("ETag").orElseThrow();
    assertThat(http.send(http.request("carol", "/api/v1/files/" + id + "/content").header("If-None-Match", etag))
        .statusCode()).isEqualTo(304);
  }

  @Test
  void gltfAndGlb_areAcceptedWithTheirTypes() {
    assertThat(http.upload("bob", "bridge", "deck.gltf", Samples.gltf("deck")).body())
        .contains("\"mimeType\":\"model/gltf+json\"");
    assertThat(http.upload("bob", "bridge", "deck.glb", Samples.glb("deck")).body())
        .contains("\"mimeType\":\"model/gltf-binary\"");
  }

  @Test
  void range_returns206WithTheSlice_and416PastTheEnd() {
    byte[] pdf = Samples.pdf("ranges");
    String id = member(http.upload("alice", "bridge", "ranges.pdf", pdf).body(), "id");
    HttpResponse<byte[]> partial = http.sendForBytes(
        http.request("alice", "/api/v1/files/" + id + "/content").header("Range", "bytes=10-19"));
    assertThat(partial.statusCode()).isEqualTo(206);
    assertThat(partial.body()).isEqualTo(Arrays.copyOfRange(pdf, 10, 20));
    assertThat(partial.headers().firstValue("Content-Range")).contains("bytes 10-19/" + pdf.length);
    HttpResponse<String> unsatisfiable = http.send(
        http.request("alice", "/api/v1/files/" + id + "/content").header("Range", "bytes=" + pdf.length + "-"));
    assertThat(unsatisfiable.statusCode()).isEqualTo(416);
    assertThat(unsatisfiable.headers().firstValue("Content-Type")).hasValueSatisfying(
        t -> assertThat(t).startsWith("application/problem+json"));
    assertThat(unsatisfiable.body()).contains("\"kind\":\"RANGE_NOT_SATISFIABLE\"");
  }

  @Test
  void put_createsRevisionAndHonoursIfMatch() {
    String id = uploadPdf("bob", "put.pdf", "v1");
    HttpResponse<String> stale = http.send(http.request("bob", "/api/v1/files/" + id + "/content")
        .header("If-Match", "\"0000\"").PUT(HttpRequest.BodyPublishers.ofByteArray(Samples.pdf("v2"))));
    assertThat(stale.statusCode()).isEqualTo(412);
    assertThat(stale.body()).contains("\"kind\":\"CONFLICT\"");
    String etag = http.get("bob", "/api/v1/files/" + id).headers().firstValue("ETag").orElseThrow();
    HttpResponse<String> updated = http.send(http.request("bob", "/api/v1/files/" + id + "/content")
        .header("If-Match", etag).PUT(HttpRequest.BodyPublishers.ofByteArray(Samples.pdf("v2"))));
    assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
    assertThat(updated.body()).contains("\"revision\":2");
  }

  @Test
  void unauthenticated_is401() {
    assertThat(http.get(null, "/api/v1/projects").statusCode()).isEqualTo(401);
    assertThat(http.send(http.request(null, "/api/v1/projects").header("Authorization", "Basic eDp5")).statusCode())
        .isEqualTo(401);
  }

  @Test
  void anotherOrg_gets404ForEveryAcmeFileAndProject() {
    String id = uploadPdf("alice", "secret.pdf", "acme only");
    for (String path : List.of("/api/v1/files/" + id, "/api/v1/files/" + id + "/content",
        "/api/v1/projects/bridge", "/api/v1/projects/bridge/files")) {
      assertThat(http.get("mallory", path).statusCode()).as(path).isEqualTo(404);
    }
    assertThat(http.send(http.request("mallory", "/api/v1/files/" + id).DELETE()).statusCode()).isEqualTo(404);
    assertThat(http.send(http.request("mallory", "/api/v1/files/" + id + "/content")
        .PUT(HttpRequest.BodyPublishers.ofByteArray(Samples.pdf("x")))).statusCode()).isEqualTo(404);
    assertThat(http.json("mallory", "PATCH", "/api/v1/files/" + id, "{\"name\":\"x.pdf\"}").statusCode()).isEqualTo(404);
    assertThat(http.send(http.request("mallory", "/api/v1/files/" + id + "/restore")
        .POST(HttpRequest.BodyPublishers.noBody())).statusCode()).isEqualTo(404);
    assertThat(http.upload("mallory", "bridge", "x.pdf", Samples.pdf("x")).statusCode()).isEqualTo(404);
    assertThat(http.get("mallory", "/api/v1/files/not-a-uuid").statusCode()).isEqualTo(404);
    assertThat(http.get("mallory", "/api/v1/projects").body()).doesNotContain("bridge");
  }

  @Test
  void viewer_gets403OnPutAndDelete() {
    String id = uploadPdf("alice", "viewer.pdf", "read only");
    assertThat(http.send(http.request("carol", "/api/v1/files/" + id + "/content")
        .PUT(HttpRequest.BodyPublishers.ofByteArray(Samples.pdf("x")))).statusCode()).isEqualTo(403);
    HttpResponse<String> delete = http.send(http.request("carol", "/api/v1/files/" + id).DELETE());
    assertThat(delete.statusCode()).isEqualTo(403);
    assertThat(delete.body()).contains("\"kind\":\"PERMISSION_DENIED\"");
  }

  @Test
  void policy_givesTooLargeUnsupportedAndInvalidName() {
    byte[] big = Samples.pdf("big");
    byte[] twoMegabytes = Arrays.copyOf(big, 2 * 1024 * 1024);
    HttpResponse<String> tooLarge = http.upload("alice", "bridge", "big.pdf", twoMegabytes);
    assertThat(tooLarge.statusCode()).isEqualTo(413);
    assertThat(tooLarge.body()).contains("\"reason\":\"TOO_LARGE\"");
    String id = uploadPdf("alice", "small.pdf", "small");
    assertThat(http.send(http.request("alice", "/api/v1/files/" + id + "/content")
        .PUT(HttpRequest.BodyPublishers.ofByteArray(twoMegabytes))).statusCode()).isEqualTo(413);

    HttpResponse<String> disguised = http.upload("alice", "bridge", "plan.pdf", Samples.windowsExecutable());
    assertThat(disguised.statusCode()).isEqualTo(415);
    assertThat(disguised.body()).contains("\"reason\":\"CONTENT_MISMATCH\"");
    assertThat(http.upload("alice", "bridge", "setup.exe", Samples.windowsExecutable()).statusCode()).isEqualTo(415);

    HttpResponse<String> longName = http.upload("alice", "bridge", "a".repeat(300) + ".pdf", Samples.pdf("x"));
    assertThat(longName.statusCode()).isEqualTo(422);
    assertThat(longName.body()).contains("\"reason\":\"INVALID_NAME\"");
    assertThat(http.json("alice", "PATCH", "/api/v1/files/" + id, "{\"name\":\"../../etc/passwd\"}").statusCode())
        .isEqualTo(422);
  }

  @Test
  void trashAndRestore_andListing() {
    String id = uploadPdf("bob", "trash.pdf", "trash me");
    HttpResponse<String> deleted = http.send(http.request("bob", "/api/v1/files/" + id).DELETE());
    assertThat(deleted.statusCode()).isEqualTo(200);
    assertThat(deleted.body()).contains("\"deleted\":true");
    assertThat(http.get("bob", "/api/v1/projects/bridge/files?size=1000").body()).doesNotContain(id);
    HttpResponse<String> restored = http.send(http.request("bob", "/api/v1/files/" + id + "/restore")
        .POST(HttpRequest.BodyPublishers.noBody()));
    assertThat(restored.body()).contains("\"deleted\":false");
    assertThat(http.get("bob", "/api/v1/projects/bridge/files?size=1000").body()).contains(id);
  }

  @Test
  void projectsAndMembers() {
    HttpResponse<String> created = http.json("alice", "POST", "/api/v1/projects",
        "{\"slug\":\"tunnel\",\"title\":\"Tunnel\"}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(http.json("alice", "POST", "/api/v1/projects", "{\"slug\":\"tunnel\",\"title\":\"Again\"}").statusCode())
        .isEqualTo(409);
    assertThat(http.json("bob", "POST", "/api/v1/projects", "{\"slug\":\"bobs\",\"title\":\"Bob\"}").statusCode())
        .isEqualTo(403);
    assertThat(http.json("alice", "POST", "/api/v1/projects/tunnel/members", "{\"user\":\"bob\",\"role\":\"EDITOR\"}")
        .statusCode()).isEqualTo(200);
    assertThat(http.get("bob", "/api/v1/projects/tunnel").statusCode()).isEqualTo(200);
    assertThat(http.send(http.request("alice", "/api/v1/projects/tunnel/members/bob").DELETE()).statusCode())
        .isEqualTo(204);
    assertThat(http.get("bob", "/api/v1/projects/tunnel").statusCode()).isEqualTo(404);
    assertThat(http.get("alice", "/api/v1/projects").body()).contains("\"slug\":\"bridge\"", "\"slug\":\"tunnel\"");
  }

  @Test
  void downloadUrl_onTheLocalDisk_isSignedByTheHost() {
    String id = uploadPdf("alice", "url.pdf", "no presign on fs");
    HttpResponse<String> response = http.json("carol", "POST", "/api/v1/files/" + id + "/download-url", "{}");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(member(response.body(), "url")).contains("/api/v1/signed/" + id + "?org=acme&rev=1&sub=carol&", "&sig=");
  }

  @Test
  void mounts_listCapabilities() {
    HttpResponse<String> mounts = http.get("carol", "/api/v1/mounts");
    assertThat(mounts.body()).contains("\"name\":\"main\"", "\"mode\":\"MANAGED\"", "\"provider\":\"fs\"",
        "READ_RANGE");
  }

  @Test
  void openApi_describesTheApi() {
    HttpResponse<String> spec = http.get(null, "/v3/api-docs");
    assertThat(spec.statusCode()).isEqualTo(200);
    assertThat(spec.body()).contains("\"openapi\"", "/api/v1/projects/{slug}/files", "/api/v1/files/{id}/content",
        "/api/v1/mounts");
  }

  @Test
  void health_showsItsPartsToOrganizationAdminsOnly() {
    HttpResponse<String> anonymous = http.get(null, "/actuator/health");
    assertThat(anonymous.statusCode()).isEqualTo(200);
    assertThat(anonymous.body()).contains("\"status\":\"UP\"").doesNotContain("mount-main", "catalog", "components");
    assertThat(http.get("bob", "/actuator/health").body()).doesNotContain("mount-main");
    assertThat(http.get("alice", "/actuator/health").body()).contains("mount-main", "catalog");
  }
}
