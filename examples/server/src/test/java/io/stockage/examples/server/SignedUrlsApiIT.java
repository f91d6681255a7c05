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
  void signedUrl_servesTheFileWithRangesToItsUser() {
    String id = uploadPdf("alice", "signed-http.pdf", "signed over http");
    byte[] pdf = http.sendForBytes(http.request("alice", "/api/v1/files/" + id + "/content")).body();
    String url = signedUrl("carol", id, 300);
    HttpResponse<byte[]> whole = http.sendForBytes(http.request("carol", url));
    assertThat(whole.statusCode()).isEqualTo(200);
    assertThat(whole.body()).isEqualTo(pdf);
    assertThat(whole.headers().firstValue("Content-Type")).hasValue("application/pdf");
    assertThat(whole.headers().firstValue("Content-Disposition").orElseThrow()).contains("signed-http.pdf");
    HttpResponse<byte[]> part = http.sendForBytes(http.request("carol", url).header("Range", "bytes=0-9"));
    assertThat(part.statusCode()).isEqualTo(206);
    assertThat(part.body()).isEqualTo(Arrays.copyOf(pdf, 10));
  }

  @Test
  void signedUrl_tamperedSigExpOrRev_isRefused() {
    String id = uploadPdf("alice", "tamper.pdf", "tamper");
    String url = signedUrl("carol", id, 300);
    assertThat(status("carol", url)).isEqualTo(200);
    for (String parameter : new String[] {"sig", "exp", "rev", "sub", "kid"}) {
      String tampered = alter(url, parameter);
      HttpResponse<String> refused = http.get("carol", tampered);
      assertThat(refused.statusCode()).as(tampered).isEqualTo(403);
      assertThat(refused.body()).contains("\"kind\":\"PERMISSION_DENIED\"");
    }
    String lastSigChar = url.substring(0, url.length() - 1) + (url.endsWith("A") ? "B" : "A");
    assertThat(status("carol", lastSigChar)).isEqualTo(403);
  }

  @Test
  void signedUrl_expired_isRefused() throws InterruptedException {
    String id = uploadPdf("alice", "expired.pdf", "expired");
    String url = signedUrl("carol", id, 1);
    Thread.sleep(1_100);
    assertThat(status("carol", url)).isEqualTo(403);
  }

  @Test
  void signedUrl_replayedByAnotherUser_isRefused() {
    String id = uploadPdf("alice", "replay.pdf", "replay");
    String url = signedUrl("carol", id, 300);
    assertThat(status("bob", url)).isEqualTo(403);
    assertThat(status("mallory", url)).isEqualTo(403);
    assertThat(status(null, url)).isEqualTo(401);
    assertThat(status("carol", url)).isEqualTo(200);
  }
}
