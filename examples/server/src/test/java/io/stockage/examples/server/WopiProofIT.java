package io.stockage.examples.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A WOPI host with a discovery document: the action URL comes from it, and every WOPI request must
 * carry a proof made with its key (current, or old while the client rotates), else 500.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"STOCKAGE_DEMO_PASSWORD=s3cret"})
class WopiProofIT {
  private static final long EPOCH_TICKS = 621_355_968_000_000_000L;
  private static final Path DATA_DIR = Path.of("target", "wopi-proof-" + java.util.UUID.randomUUID()).toAbsolutePath();
  private static final KeyPair CURRENT = pair();
  private static final KeyPair OLD = pair();

  @LocalServerPort
  int port;

  private static KeyPair pair() {
    try {
      return KeyPairGenerator.getInstance("RSA").generateKeyPair();
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) throws Exception {
    Files.createDirectories(DATA_DIR);
    Path discovery = DATA_DIR.resolve("discovery.xml");
    Files.writeString(discovery, """
        <?xml version="1.0" encoding="utf-8"?>
        <wopi-discovery><net-zone name="external-http">
          <app name="application/pdf"><action name="view" ext="" urlsrc="https://office.example/cool.html?"/></app>
        </net-zone>
        <proof-key exponent="%s" modulus="%s" oldexponent="%s" oldmodulus="%s"/></wopi-discovery>
        """.formatted(b64(((RSAPublicKey) CURRENT.getPublic()).getPublicExponent().toByteArray()),
        b64(((RSAPublicKey) CURRENT.getPublic()).getModulus().toByteArray()),
        b64(((RSAPublicKey) OLD.getPublic()).getPublicExponent().toByteArray()),
        b64(((RSAPublicKey) OLD.getPublic()).getModulus().toByteArray())));
    registry.add("stockage.data-dir", DATA_DIR::toString);
    registry.add("stockage.wopi.discovery", discovery::toString);
  }

  @Test
  void wopiRequests_needAProofOfTheDiscoveryKeys() throws Exception {
    Http http = new Http(port, "s3cret");
    HttpResponse<String> created = http.upload("bob", "bridge", "proof.pdf", io.stockage.testkit.Samples.pdf("proved"));
    String id = ServerIT.member(created.body(), "id");
    HttpResponse<String> issued = http.send(http.request("bob", "/api/v1/files/" + id + "/wopi-token")
        .POST(HttpRequest.BodyPublishers.noBody()));
    String token = ServerIT.member(issued.body(), "access_token");
    assertThat(ServerIT.member(issued.body(), "actionUrl")).startsWith("https://office.example/cool.html?WOPISrc=");
    String path = "/wopi/files/" + id + "?access_token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    String url = "http://localhost:" + port + path;
    long now = Instant.now().toEpochMilli() * 10_000 + EPOCH_TICKS;

    assertThat(call(http, path, null, null, now).statusCode()).as("no proof").isEqualTo(500);
    assertThat(call(http, path, sign(CURRENT, token, url, now), null, now).statusCode()).isEqualTo(200);
    assertThat(call(http, path, "SU5WQUxJRA==", sign(CURRENT, token, url, now), now).statusCode())
        .as("ProofOld made with the current key").isEqualTo(200);
    assertThat(call(http, path, sign(OLD, token, url, now), "SU5WQUxJRA==", now).statusCode())
        .as("Proof made with the old key").isEqualTo(200);
    assertThat(call(http, path, "SU5WQUxJRA==", sign(OLD, token, url, now), now).statusCode())
        .as("ProofOld made with the old key").isEqualTo(500);
    long stale = Instant.parse("2015-08-17T00:00:00Z").toEpochMilli() * 10_000 + EPOCH_TICKS;
    assertThat(call(http, path, sign(CURRENT, token, url, stale), null, stale).statusCode()).isEqualTo(500);
  }

  private static HttpResponse<String> call(Http http, String path, String proof, String proofOld, long ticks) {
    HttpRequest.Builder request = http.request(null, path).header("X-WOPI-TimeStamp", Long.toString(ticks)).GET();
    if (proof != null) {
      request.header("X-WOPI-Proof", proof);
    }
    if (proofOld != null) {
      request.header("X-WOPI-ProofOld", proofOld);
    }
    return http.send(request);
  }

  private static String sign(KeyPair key, String token, String url, long ticks) throws Exception {
    Signature rsa = Signature.getInstance("SHA256withRSA");
    rsa.initSign(key.getPrivate());
    rsa.update(WopiProof.expected(token, url, ticks));
    return Base64.getEncoder().encodeToString(rsa.sign());
  }

  private static String b64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }
}
