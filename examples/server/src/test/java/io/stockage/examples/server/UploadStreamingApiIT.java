package io.stockage.examples.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.stockage.testkit.Samples;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Multipart uploads are authorized before their body is read and streamed part by part: the
 * container never spools them, a second part is refused, and requests and JSON bodies are bounded.
 */
class UploadStreamingApiIT extends ServerIT {
  private static final String BOUNDARY = "stockage-boundary";

  private static String partHead(String name) {
    return "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
        + "\"\r\nContent-Type: application/pdf\r\n\r\n";
  }

  /**
   * Sends the headers of a multipart upload declaring {@code declared} bytes, then only the first
   * {@code sent} bytes of its body, and reads the answer while the rest was never sent.
   */
  private String answerBeforeTheBody(String user, String path, long declared, byte[] sent) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      String auth = Base64.getEncoder().encodeToString((user + ":s3cret").getBytes(StandardCharsets.UTF_8));
      out.write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Basic " + auth
          + "\r\nContent-Type: multipart/form-data; boundary=" + BOUNDARY + "\r\nContent-Length: " + declared
          + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.write(sent);
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream answer = new ByteArrayOutputStream();
      byte[] buf = new byte[8192];
      int n;
      // The whole answer (its headers and its Content-Length), while the rest of the body was never sent.
      while (!complete(answer.toString(StandardCharsets.UTF_8)) && (n = in.read(buf)) > 0) {
        answer.write(buf, 0, n);
      }
      return answer.toString(StandardCharsets.UTF_8);
    }
  }

  private static boolean complete(String answer) {
    int end = answer.indexOf("\r\n\r\n");
    if (end < 0) {
      return false;
    }
    java.util.regex.Matcher length = java.util.regex.Pattern.compile("(?i)content-length: *([0-9]+)")
        .matcher(answer.substring(0, end));
    // Without a length, the body (problem+json) ends the answer: the server closes after it.
    return length.find() ? answer.length() - end - 4 >= Integer.parseInt(length.group(1))
        : answer.endsWith("}") || answer.endsWith("0\r\n\r\n");
  }

  private static byte[] start(String name, int bytes) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(partHead(name).getBytes(StandardCharsets.UTF_8));
    body.writeBytes(Samples.pdf("start"));
    body.writeBytes(new byte[bytes]);
    return body.toByteArray();
  }

  @Test
  void upload_bySubjectsWhoMayNot_isAnsweredBeforeTheBodyIsSent() throws IOException {
    String name = "refused-" + UUID.randomUUID() + ".pdf";
    // 900 KB declared (within the 1 MB cap), 20 KB sent: the answer comes without the rest.
    String mallory = answerBeforeTheBody("mallory", "/api/v1/projects/bridge/files", 900_000, start(name, 20_000));
    assertThat(mallory).startsWith("HTTP/1.1 404").contains("\"kind\":\"NOT_FOUND\"");
    String carol = answerBeforeTheBody("carol", "/api/v1/projects/bridge/files", 900_000, start(name, 20_000));
    assertThat(carol).startsWith("HTTP/1.1 403").contains("\"kind\":\"PERMISSION_DENIED\"");
    String vault = answerBeforeTheBody("mallory", "/api/vault/files/?project=bridge", 900_000, start(name, 20_000));
    assertThat(vault).startsWith("HTTP/1.1 404");
    assertThat(http.get("alice", "/api/v1/projects/bridge/files?size=500").body()).doesNotContain(name);
  }

  @Test
  void upload_declaredLargerThanTheCap_is413BeforeTheBody() throws IOException {
    String answer = answerBeforeTheBody("bob", "/api/v1/projects/bridge/files", 50_000_000L, start("big.pdf", 1000));
    assertThat(answer).startsWith("HTTP/1.1 413").contains("\"reason\":\"TOO_LARGE\"");
  }

  @Test
  void upload_chunkedPastTheCap_is413() {
    byte[] body = multipart(partHead("chunked-" + UUID.randomUUID() + ".pdf"), pdfOf(1_200_000), "");
    HttpResponse<String> response = http.send(http.request("bob", "/api/v1/projects/bridge/files")
        .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body))));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
  }

  @Test
  void upload_aSecondFilePart_isRefusedAndNothingIsStored() {
    String first = "first-" + UUID.randomUUID() + ".pdf";
    byte[] body = multipart(partHead(first), Samples.pdf("one"), "\r\n" + partHead("second.pdf"));
    HttpResponse<String> response = http.send(http.request("bob", "/api/v1/projects/bridge/files")
        .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(response.body()).contains("one file per request");
    assertThat(http.get("alice", "/api/v1/projects/bridge/files?size=500").body()).doesNotContain(first);
  }

  @Test
  void upload_fieldsBeforeTheFile_areRead() {
    String folder = member(http.json("bob", "POST", "/api/v1/projects/bridge/folders",
        "{\"name\":\"fields-" + UUID.randomUUID() + "\"}").body(), "id");
    String name = "in-field-folder-" + UUID.randomUUID() + ".pdf";
    String field = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"folder\"\r\n\r\n" + folder + "\r\n";
    byte[] body = multipart(field + partHead(name), Samples.pdf("field"), "");
    HttpResponse<String> response = http.send(http.request("bob", "/api/v1/projects/bridge/files")
        .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    assertThat(http.get("bob", "/api/v1/projects/bridge/files?folder=" + folder).body()).contains(name);
  }

  @Test
  void jsonBody_overOneMebibyte_is413() {
    String big = "{\"name\":\"" + "x".repeat(JsonBodyLimit.LIMIT) + "\"}";
    HttpResponse<String> response = http.json("bob", "POST", "/api/v1/projects/bridge/folders", big);
    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(response.body()).contains("\"kind\":\"INVALID_ARGUMENT\"");
  }

  @Test
  void springsOwnBadRequest_carriesAKind() {
    HttpResponse<String> response = http.json("bob", "POST", "/api/v1/projects/bridge/folders", "{not json");
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("\"kind\":\"INVALID_ARGUMENT\"");
  }

  private static byte[] pdfOf(int size) {
    byte[] head = Samples.pdf("big");
    byte[] all = new byte[size];
    System.arraycopy(head, 0, all, 0, head.length);
    return all;
  }

  private static byte[] multipart(String head, byte[] content, String more) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
    body.writeBytes(content);
    body.writeBytes(more.getBytes(StandardCharsets.UTF_8));
    if (!more.isEmpty()) {
      body.writeBytes(Samples.pdf("two"));
    }
    body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return body.toByteArray();
  }
}
