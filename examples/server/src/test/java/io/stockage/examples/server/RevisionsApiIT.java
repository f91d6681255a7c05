package io.stockage.examples.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.stockage.testkit.Samples;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Revision history over HTTP. */
class RevisionsApiIT extends ServerIT {

  private HttpResponse<String> put(String user, String id, byte[] content) {
    return http.send(http.request(user, "/api/v1/files/" + id + "/content").PUT(HttpRequest.BodyPublishers.ofByteArray(content)));
  }

  @Test
  void history_listsRestoresAndDeletes() {
    byte[] v1 = Samples.pdf("history v1");
    String id = member(http.upload("bob", "bridge", "history.pdf", v1).body(), "id");
    assertThat(put("bob", id, Samples.pdf("history v2")).statusCode()).isEqualTo(200);
    HttpResponse<String> sameName = http.upload("bob", "bridge", "history.pdf", Samples.pdf("history v3"));
    assertThat(sameName.statusCode()).isEqualTo(201);
    assertThat(sameName.body()).contains("\"id\":\"" + id + "\"", "\"revision\":3");

    HttpResponse<String> list = http.get("carol", "/api/v1/files/" + id + "/revisions?size=2");
    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(list.body()).startsWith("{\"items\":[{\"revision\":3,").contains("\"author\":\"bob\"",
        "\"restoredFrom\":null", "\"comment\":null", "\"mimeType\":\"application/pdf\"");
    HttpResponse<String> rest = http.get("carol", "/api/v1/files/" + id + "/revisions?size=2&cursor="
        + member(list.body(), "next"));
    assertThat(rest.body()).as("the page after the cursor").startsWith("{\"items\":[{\"revision\":1,")
        .contains("\"next\":null");

    HttpResponse<byte[]> old = http.sendForBytes(http.request("carol", "/api/v1/files/" + id + "/revisions/1/content"));
    assertThat(old.statusCode()).isEqualTo(200);
    assertThat(old.body()).isEqualTo(v1);

    HttpResponse<String> restored = http.send(http.request("bob", "/api/v1/files/" + id + "/revisions/1/restore")
        .POST(HttpRequest.BodyPublishers.noBody()));
    assertThat(restored.statusCode()).isEqualTo(200);
    assertThat(restored.body()).contains("\"revision\":4");
    assertThat(http.get("carol", "/api/v1/files/" + id + "/revisions?size=1").body()).contains("\"restoredFrom\":1");

    assertThat(http.send(http.request("carol", "/api/v1/files/" + id + "/revisions/2").DELETE()).statusCode())
        .isEqualTo(403);
    assertThat(http.send(http.request("alice", "/api/v1/files/" + id + "/revisions/4").DELETE()).statusCode())
        .isEqualTo(409);
    assertThat(http.send(http.request("alice", "/api/v1/files/" + id + "/revisions/2").DELETE()).statusCode())
        .isEqualTo(204);
    assertThat(http.get("alice", "/api/v1/files/" + id + "/revisions/2/content").statusCode()).isEqualTo(404);
    assertThat(http.get("mallory", "/api/v1/files/" + id + "/revisions").statusCode()).isEqualTo(404);
  }

  @Test
  void diff_answersJsonHunks_orTextXDiff() {
    String id = member(http.upload("bob", "bridge", "diff.pdf", Samples.pdf("Span 120 m")).body(), "id");
    assertThat(put("bob", id, Samples.pdf("Span 135 m")).statusCode()).isEqualTo(200);
    HttpResponse<String> json = http.get("carol", "/api/v1/files/" + id + "/diff?from=1&to=2");
    assertThat(json.statusCode()).isEqualTo(200);
    assertThat(json.body()).contains("\"hunks\":[{", "-Span 120 m", "+Span 135 m", "\"truncated\":false");
    HttpResponse<String> unified = http.send(http.request("carol", "/api/v1/files/" + id + "/diff?from=1&to=2")
        .header("Accept", "text/x-diff"));
    assertThat(unified.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/x-diff"));
    assertThat(unified.body()).startsWith("--- a/diff.pdf").contains("\n-Span 120 m\n", "\n+Span 135 m\n");
    assertThat(http.get("carol", "/api/v1/files/" + id + "/diff?from=1&to=9").statusCode()).isEqualTo(404);
  }
}
