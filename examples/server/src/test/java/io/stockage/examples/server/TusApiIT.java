package io.stockage.examples.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.stockage.testkit.Samples;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The tus 1.0.0 protocol at /api/v1/uploads: the specification's MUSTs, one case each. */
class TusApiIT extends ServerIT {
  private static final String OFFSET_STREAM = "application/offset+octet-stream";

  @Test
  void options_sayWhatTheServerSpeaks() {
    HttpResponse<String> options = http.send(http.request("bob", "/api/v1/uploads")
        .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
    assertThat(options.statusCode()).isEqualTo(204);
    assertThat(options.headers().firstValue("Tus-Version")).contains("1.0.0");
    assertThat(options.headers().firstValue("Tus-Extension")).hasValueSatisfying(v -> assertThat(v)
        .contains("creation", "creation-with-upload", "creation-defer-length", "termination", "expiration", "checksum"));
    assertThat(options.headers().firstValue("Tus-Max-Size")).contains(Integer.toString(1 << 20));
    assertThat(options.headers().firstValue("Tus-Checksum-Algorithm")).contains("sha1,sha256");
  }

  @Test
  void browsersOfAnAllowedOrigin_preflightAndSeeTheTusHeaders() {
    HttpResponse<String> preflight = http.send(http.request(null, "/api/v1/uploads")
        .header("Origin", "http://app.example").header("Access-Control-Request-Method", "PATCH")
        .header("Access-Control-Request-Headers", "tus-resumable, upload-offset, content-type, authorization")
        .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
    assertThat(preflight.statusCode()).isEqualTo(200);
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).contains("http://app.example");
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods")).hasValueSatisfying(
        v -> assertThat(v).contains("PATCH"));
    HttpResponse<String> created = http.send(http.request("bob", "/api/v1/uploads").header("Origin", "http://app.example")
        .header("Tus-Resumable", "1.0.0").header("Upload-Length", "10").header("Upload-Metadata", metadata("tus-cors.pdf"))
        .POST(HttpRequest.BodyPublishers.noBody()));
    assertThat(created.headers().firstValue("Access-Control-Expose-Headers")).hasValueSatisfying(
        v -> assertThat(v).contains("Location", "Upload-Offset", "Stockage-Item"));
    HttpResponse<String> elsewhere = http.send(http.request(null, "/api/v1/uploads")
        .header("Origin", "http://evil.example").header("Access-Control-Request-Method", "PATCH")
        .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
    assertThat(elsewhere.statusCode()).as("another origin").isEqualTo(403);
  }

  @Test
  void chunks_thenHead_thenTheFile() {
    byte[] pdf = Samples.pdf("sent over tus, ".repeat(100));
    String location = create("bob", pdf.length, "tus-plan.pdf");
    int half = pdf.length / 2;

    HttpResponse<String> first = patch("bob", location, 0, Arrays.copyOfRange(pdf, 0, half));
    assertThat(first.statusCode()).isEqualTo(204);
    assertThat(first.headers().firstValue("Upload-Offset")).contains(Integer.toString(half));
    assertThat(first.headers().firstValue("Tus-Resumable")).contains("1.0.0");
    HttpResponse<String> head = head("bob", location);
    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.headers().firstValue("Upload-Offset")).contains(Integer.toString(half));
    assertThat(head.headers().firstValue("Upload-Length")).contains(Integer.toString(pdf.length));
    assertThat(head.headers().firstValue("Cache-Control")).contains("no-store");
    assertThat(head.headers().firstValue("Upload-Expires")).isPresent();

    HttpResponse<String> last = patch("bob", location, half, Arrays.copyOfRange(pdf, half, pdf.length));
    assertThat(last.statusCode()).isEqualTo(204);
    String item = last.headers().firstValue("Stockage-Item").orElseThrow();
    assertThat(http.get("bob", location).body()).contains("\"id\":\"" + item + "\"", "\"name\":\"tus-plan.pdf\"");
    assertThat(http.sendForBytes(http.request("carol", "/api/v1/files/" + item + "/content")).body()).isEqualTo(pdf);
  }

  @Test
  void creationWithUpload_oneRequest() {
    byte[] pdf = Samples.pdf("in the creation request");
    HttpResponse<String> created = http.send(http.request("bob", "/api/v1/uploads")
        .header("Tus-Resumable", "1.0.0").header("Upload-Length", Integer.toString(pdf.length))
        .header("Upload-Metadata", metadata("tus-one.pdf")).header("Content-Type", OFFSET_STREAM)
        .POST(HttpRequest.BodyPublishers.ofByteArray(pdf)));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(created.headers().firstValue("Upload-Offset")).contains(Integer.toString(pdf.length));
    assertThat(created.headers().firstValue("Stockage-Item")).isPresent();
  }

  @Test
  void wrongOffset_409() {
    String location = create("bob", 10, "tus-offset.pdf");
    assertThat(patch("bob", location, 5, new byte[5]).statusCode()).isEqualTo(409);
  }

  @Test
  void wrongContentType_415() {
    String location = create("bob", 10, "tus-type.pdf");
    HttpResponse<String> response = http.send(http.request("bob", location).header("Tus-Resumable", "1.0.0")
        .header("Upload-Offset", "0").header("Content-Type", "application/octet-stream")
        .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(new byte[10])));
    assertThat(response.statusCode()).isEqualTo(415);
  }

  @Test
  void missingTusResumable_412WithTheVersion() {
    String location = create("bob", 10, "tus-version.pdf");
    HttpResponse<String> response = http.send(http.request("bob", location).header("Upload-Offset", "0")
        .header("Content-Type", OFFSET_STREAM).method("PATCH", HttpRequest.BodyPublishers.ofByteArray(new byte[10])));
    assertThat(response.statusCode()).isEqualTo(412);
    assertThat(response.headers().firstValue("Tus-Version")).contains("1.0.0");
  }

  @Test
  void checksumMismatch_460_andAGoodOneIsTaken() throws Exception {
    byte[] pdf = Samples.pdf("checksummed");
    String location = create("bob", pdf.length, "tus-sum.pdf");
    byte[] sha1 = MessageDigest.getInstance("SHA-1").digest(pdf);
    byte[] wrong = sha1.clone();
    wrong[3] ^= 1;
    assertThat(patch("bob", location, 0, pdf, "sha1 " + Base64.getEncoder().encodeToString(wrong)).statusCode())
        .isEqualTo(460);
    assertThat(head("bob", location).headers().firstValue("Upload-Offset")).contains("0");
    HttpResponse<String> good = patch("bob", location, 0, pdf, "sha1 " + Base64.getEncoder().encodeToString(sha1));
    assertThat(good.statusCode()).isEqualTo(204);
    assertThat(good.headers().firstValue("Stockage-Item")).isPresent();
  }

  @Test
  void lengthExceeded_413_atCreationAndWhileStreaming() {
    HttpResponse<String> tooLarge = http.send(http.request("bob", "/api/v1/uploads").header("Tus-Resumable", "1.0.0")
        .header("Upload-Length", Integer.toString(2 << 20)).header("Upload-Metadata", metadata("tus-big.pdf"))
        .POST(HttpRequest.BodyPublishers.noBody()));
    assertThat(tooLarge.statusCode()).isEqualTo(413);
    String location = create("bob", 10, "tus-ten.pdf");
    assertThat(patch("bob", location, 0, new byte[11]).statusCode()).isEqualTo(413);
    assertThat(head("bob", location).headers().firstValue("Upload-Offset")).contains("0");
  }

  @Test
  void quotaExceeded_413_atCreationWhenDeclared_andWhileStreamingWhenNot() {
    String slug = "tus-quota-" + System.nanoTime();
    assertThat(http.json("alice", "POST", "/api/v1/projects", "{\"slug\":\"" + slug + "\",\"title\":\"Quota\"}")
        .statusCode()).isEqualTo(201);
    assertThat(http.json("bob", "PUT", "/api/v1/projects/" + slug + "/quota", "{\"limitBytes\":1000}").statusCode())
        .as("only organization admins set limits").isIn(403, 404);
    HttpResponse<String> limited = http.json("alice", "PUT", "/api/v1/projects/" + slug + "/quota", "{\"limitBytes\":1000}");
    assertThat(limited.statusCode()).isEqualTo(200);
    assertThat(limited.body()).contains("\"limitBytes\":1000", "\"remainingBytes\":1000");

    HttpResponse<String> declared = http.send(http.request("alice", "/api/v1/uploads").header("Tus-Resumable", "1.0.0")
        .header("Upload-Length", "2000").header("Upload-Metadata", metadata("q.pdf", slug))
        .POST(HttpRequest.BodyPublishers.noBody()));
    assertThat(declared.statusCode()).as(declared.body()).isEqualTo(413);
    assertThat(declared.body()).contains("QUOTA_EXCEEDED");

    HttpResponse<String> deferred = http.send(http.request("alice", "/api/v1/uploads").header("Tus-Resumable", "1.0.0")
        .header("Upload-Defer-Length", "1").header("Upload-Metadata", metadata("q.pdf", slug))
        .POST(HttpRequest.BodyPublishers.noBody()));
    String location = deferred.headers().firstValue("Location").orElseThrow();
    byte[] pdf = Samples.pdf("over the project's quota, ".repeat(100));
    assertThat(pdf.length).isGreaterThan(1000);
    assertThat(patch("alice", location, 0, pdf).statusCode()).isEqualTo(413);
    assertThat(head("alice", location).headers().firstValue("Upload-Offset")).contains("0");

    HttpResponse<String> project = http.send(http.request("alice", "/api/v1/projects/" + slug).GET());
    assertThat(project.body()).contains("\"quota\":{\"usedBytes\":0,\"limitBytes\":1000");
    HttpResponse<String> organization = http.send(http.request("carol", "/api/v1/quota").GET());
    assertThat(organization.statusCode()).isEqualTo(200);
    assertThat(organization.body()).contains("\"usedBytes\":").doesNotContain("limitBytes");
  }

  @Test
  void deferredLength_setOnce() {
    byte[] pdf = Samples.pdf("length told later");
    HttpResponse<String> created = http.send(http.request("bob", "/api/v1/uploads").header("Tus-Resumable", "1.0.0")
        .header("Upload-Defer-Length", "1").header("Upload-Metadata", metadata("tus-later.pdf"))
        .POST(HttpRequest.BodyPublishers.noBody()));
    assertThat(created.statusCode()).isEqualTo(201);
    String location = created.headers().firstValue("Location").orElseThrow();
    assertThat(head("bob", location).headers().firstValue("Upload-Defer-Length")).contains("1");
    assertThat(patch("bob", location, 0, Arrays.copyOfRange(pdf, 0, 100)).statusCode()).isEqualTo(204);

    HttpResponse<String> told = http.send(http.request("bob", location).header("Tus-Resumable", "1.0.0")
        .header("Upload-Offset", "100").header("Upload-Length", Integer.toString(pdf.length))
        .header("Content-Type", OFFSET_STREAM)
        .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(Arrays.copyOfRange(pdf, 100, pdf.length))));
    assertThat(told.statusCode()).isEqualTo(204);
    assertThat(told.headers().firstValue("Stockage-Item")).isPresent();
    assertThat(http.send(http.request("bob", location).header("Tus-Resumable", "1.0.0").header("Upload-Offset", "0")
        .header("Upload-Length", "5").header("Content-Type", OFFSET_STREAM)
        .method("PATCH", HttpRequest.BodyPublishers.noBody())).statusCode()).as("a second, other length").isEqualTo(400);
  }

  @Test
  void uploadAfterTermination_404() {
    String location = create("bob", 10, "tus-gone.pdf");
    HttpResponse<String> deleted = http.send(http.request("bob", location).header("Tus-Resumable", "1.0.0").DELETE());
    assertThat(deleted.statusCode()).isEqualTo(204);
    assertThat(patch("bob", location, 0, new byte[10]).statusCode()).isEqualTo(404);
    assertThat(head("bob", location).statusCode()).isEqualTo(404);
  }

  @Test
  void expiredSession_404() {
    String location = create("bob", 10, "tus-expired.pdf");
    CLOCK.advance(Duration.ofHours(25));
    assertThat(head("bob", location).statusCode()).isEqualTo(404);
    assertThat(patch("bob", location, 0, new byte[10]).statusCode()).isEqualTo(404);
  }

  @Test
  void anotherUsersSession_404() {
    String location = create("bob", 10, "tus-bobs.pdf");
    for (String other : new String[] {"carol", "mallory"}) {
      assertThat(head(other, location).statusCode()).isEqualTo(404);
      assertThat(patch(other, location, 0, new byte[10]).statusCode()).isEqualTo(404);
      assertThat(http.send(http.request(other, location).header("Tus-Resumable", "1.0.0").DELETE()).statusCode())
          .isEqualTo(404);
    }
    assertThat(head("bob", location).statusCode()).isEqualTo(200);
  }

  private String create(String user, long length, String name) {
    HttpResponse<String> created = http.send(http.request(user, "/api/v1/uploads").header("Tus-Resumable", "1.0.0")
        .header("Upload-Length", Long.toString(length)).header("Upload-Metadata", metadata(name))
        .POST(HttpRequest.BodyPublishers.noBody()));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(created.headers().firstValue("Upload-Expires")).isPresent();
    return created.headers().firstValue("Location").orElseThrow();
  }

  private static String metadata(String name) {
    return metadata(name, "bridge");
  }

  private static String metadata(String name, String project) {
    return "filename " + b64(name) + ",project " + b64(project);
  }

  private static String b64(String value) {
    return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
  }

  private HttpResponse<String> head(String user, String location) {
    return http.send(http.request(user, location).header("Tus-Resumable", "1.0.0")
        .method("HEAD", HttpRequest.BodyPublishers.noBody()));
  }

  private HttpResponse<String> patch(String user, String location, long offset, byte[] bytes) {
    return patch(user, location, offset, bytes, null);
  }

  private HttpResponse<String> patch(String user, String location, long offset, byte[] bytes, String checksum) {
    HttpRequest.Builder request = http.request(user, location).header("Tus-Resumable", "1.0.0")
        .header("Upload-Offset", Long.toString(offset)).header("Content-Type", OFFSET_STREAM)
        .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(bytes));
    if (checksum != null) {
      request.header("Upload-Checksum", checksum);
    }
    return http.send(request);
  }
}
