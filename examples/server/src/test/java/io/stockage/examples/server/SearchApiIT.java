package io.stockage.examples.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.stockage.testkit.Samples;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Search over HTTP: files are found shortly after their upload, by body words and model names. */
class SearchApiIT extends ServerIT {

  @Test
  void search_pdfBodyWord_foundWithinTwoSecondsOfTheUpload() throws Exception {
    List<Long> millis = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      String word = "quay" + Long.toString(System.nanoTime(), 36).toLowerCase(Locale.ROOT).replaceAll("[0-9]", "x");
      HttpResponse<String> upload = http.upload("bob", "bridge", word + "-" + i + ".pdf",
          Samples.pdf("Survey of the " + word + " mooring"));
      assertThat(upload.statusCode()).as(upload.body()).isEqualTo(201);
      long answered = System.nanoTime();
      String id = member(upload.body(), "id");
      HttpResponse<String> found;
      do {
        found = http.get("carol", "/api/v1/search?q=mooring+" + word);
      } while (!found.body().contains(id) && System.nanoTime() - answered < 10_000_000_000L);
      millis.add((System.nanoTime() - answered) / 1_000_000);
      assertThat(found.body()).as("found by a word of its body").contains("\"id\":\"" + id + "\"")
          .contains("<mark>" + word + "</mark>");
    }
    millis.sort(Long::compare);
    long p95 = millis.get(47);
    System.out.printf("search: upload answered -> found, 50 uploads: p50 %d ms, p95 %d ms, max %d ms%n",
        millis.get(25), p95, millis.get(49));
    assertThat(p95).as("p95 ms from the upload's answer to the hit, over 50 uploads: %s", millis).isLessThan(2000);
  }

  @Test
  void search_modelsByMeshAndSolidName_withFacetsAndProjectScope() throws Exception {
    HttpResponse<String> gltf = http.upload("bob", "bridge", "deck-model.gltf", Samples.gltf("cantilever_arm"));
    HttpResponse<String> stl = http.upload("bob", "bridge", "pier-model.stl", Samples.stlAscii(2));
    assertThat(gltf.statusCode()).as(gltf.body()).isEqualTo(201);
    assertThat(stl.statusCode()).as(stl.body()).isEqualTo(201);

    String byMesh = awaitHit("/api/v1/projects/bridge/search?q=cantilever_arm", member(gltf.body(), "id"));
    assertThat(byMesh).contains("\"facets\":{").contains("\"model/gltf+json\":1")
        .as("a hit's item shows what was extracted").contains("\"meshes\":\"cantilever_arm\"", "\"keywords\":[");
    awaitHit("/api/v1/search?q=sample&type=model/stl", member(stl.body(), "id"));
    assertThat(http.get("carol", "/api/v1/files/" + member(gltf.body(), "id")).body())
        .as("the item's metadata shows what was extracted").contains("\"properties\":{", "\"meshes\":\"cantilever_arm\"");
    assertThat(http.get("mallory", "/api/v1/search?q=cantilever_arm").body()).as("another organization")
        .doesNotContain(member(gltf.body(), "id"));
  }

  @Test
  void reindex_orgAdminOnly() throws Exception {
    uploadPdf("bob", "reindexed.pdf", "reindexed");
    HttpResponse<String> denied = http.send(http.request("bob", "/api/v1/maintenance/reindex")
        .POST(HttpRequest.BodyPublishers.noBody()));
    assertThat(denied.statusCode()).isEqualTo(403);
    HttpResponse<String> accepted = http.send(http.request("alice", "/api/v1/maintenance/reindex")
        .POST(HttpRequest.BodyPublishers.noBody()));
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
    assertThat(Long.parseLong(member(accepted.body(), "queued"))).isPositive();
    assertThat(http.get("carol", "/api/v1/search?q=x&sort=sideways").statusCode()).isEqualTo(400);
  }

  private String awaitHit(String path, String id) throws InterruptedException {
    long start = System.nanoTime();
    HttpResponse<String> found;
    do {
      found = http.get("carol", path);
      if (!found.body().contains(id)) {
        Thread.sleep(50);
      }
    } while (!found.body().contains(id) && System.nanoTime() - start < 10_000_000_000L);
    assertThat(found.body()).as(path).contains("\"id\":\"" + id + "\"");
    return found.body();
  }
}
