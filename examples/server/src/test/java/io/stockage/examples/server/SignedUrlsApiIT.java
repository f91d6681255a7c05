package io.stockage.examples.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Signed download URLs of the local disk, over real HTTP: issued, served, and refused when altered. */
class SignedUrlsApiIT extends ServerIT {

  /** A signed URL for the user, as a path and query on this server. */
  private String signedUrl(String user, String id, int seconds) {
    HttpResponse<String> response = http.json(user, "POST", "/api/v1/files/" + id + "/download-url",
        "{\"expiresInSeconds\":" + seconds + "}");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    URI url = URI.create(member(response.body(), "url"));
    return url.getRawPath() + "?" + url.getRawQuery();
  }

  private int status(String user, String path) {
    return http.sendForBytes(http.request(user, path)).statusCode();
  }

  /** The URL with one character of a parameter's value changed to another valid one. */
  private static String alter(String url, String parameter) {
    Matcher m = Pattern.compile("[?&]" + parameter + "=([^&]*)").matcher(url);
    assertThat(m.find()).isTrue();
    int at = m.start(1);
    char c = url.charAt(at);
    char other = Character.isDigit(c) ? (char) ('0' + (c - '0' + 1) % 10) : (c == 'A' ? 'B' : 'A');
    return url.substring(0, at) + other + url.substring(at + 1);
  }

  @Test
  void signedUrl_servesTheFileWithRangesWithoutCredentials() {
    String id = uploadPdf("alice", "signed-http.pdf", "signed over http");
    byte[] pdf = http.sendForBytes(http.request("alice", "/api/v1/files/" + id + "/content")).body();
    String url = signedUrl("carol", id, 300);
    HttpResponse<byte[]> whole = http.sendForBytes(http.request(null, url));
    assertThat(whole.statusCode()).isEqualTo(200);
    assertThat(whole.body()).isEqualTo(pdf);
    assertThat(whole.headers().firstValue("Content-Type")).hasValue("application/pdf");
    assertThat(whole.headers().firstValue("Content-Disposition").orElseThrow()).contains("signed-http.pdf");
    HttpResponse<byte[]> part = http.sendForBytes(http.request(null, url).header("Range", "bytes=0-9"));
    assertThat(part.statusCode()).isEqualTo(206);
    assertThat(part.body()).isEqualTo(Arrays.copyOf(pdf, 10));
    // Whoever presents it: the URL is the credential.
    assertThat(status("mallory", url)).isEqualTo(200);
  }

  @Test
  void signedUrl_anyParameterAltered_isRefused() {
    String id = uploadPdf("alice", "tamper.pdf", "tamper");
    String url = signedUrl("carol", id, 300);
    assertThat(status(null, url)).isEqualTo(200);
    for (String parameter : new String[] {"org", "sig", "exp", "rev", "sub", "kid"}) {
      String tampered = alter(url, parameter);
      HttpResponse<String> refused = http.get(null, tampered);
      assertThat(refused.statusCode()).as(tampered).isEqualTo(403);
      assertThat(refused.body()).contains("\"kind\":\"PERMISSION_DENIED\"");
    }
    assertThat(status(null, url.replace("perm=", "perm=ADMIN"))).isEqualTo(403);
    String lastSigChar = url.substring(0, url.length() - 1) + (url.endsWith("A") ? "B" : "A");
    assertThat(status(null, lastSigChar)).isEqualTo(403);
  }

  @Test
  void signedUrl_hugeExpiry_is403AndAudited() {
    String id = uploadPdf("alice", "huge-exp.pdf", "huge exp");
    String url = signedUrl("carol", id, 300).replaceAll("exp=[0-9]+", "exp=999999999999999999");
    HttpResponse<String> refused = http.get(null, url);
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
    assertThat(http.get("alice", "/api/v1/audit?size=50").body())
        .contains("\"action\":\"signed-download\"", "\"target\":\"" + id + "\"", "\"outcome\":\"DENIED\"");
  }

  @Test
  void signedUrl_expired_isRefused() {
    String id = uploadPdf("alice", "expired.pdf", "expired");
    String url = signedUrl("carol", id, 60);
    assertThat(status(null, url)).isEqualTo(200);
    CLOCK.advance(java.time.Duration.ofSeconds(61));
    assertThat(status(null, url)).isEqualTo(403);
  }

  @Test
  void signedUrl_onceTheIssuerLostView_isRefused() {
    String slug = "signed-" + java.util.UUID.randomUUID().toString().substring(0, 8);
    assertThat(http.json("alice", "POST", "/api/v1/projects", "{\"slug\":\"" + slug + "\",\"title\":\"Signed\"}")
        .statusCode()).isEqualTo(201);
    assertThat(http.json("alice", "POST", "/api/v1/projects/" + slug + "/members",
        "{\"user\":\"bob\",\"role\":\"VIEWER\"}").statusCode()).isEqualTo(200);
    HttpResponse<String> created = http.upload("alice", slug, "issuer.pdf", io.stockage.testkit.Samples.pdf("issuer"));
    String id = member(created.body(), "id");
    String url = signedUrl("bob", id, 300);
    assertThat(status(null, url)).isEqualTo(200);
    assertThat(http.send(http.request("alice", "/api/v1/projects/" + slug + "/members/bob").DELETE()).statusCode())
        .isEqualTo(204);
    assertThat(status(null, url)).isEqualTo(403);
  }
}
