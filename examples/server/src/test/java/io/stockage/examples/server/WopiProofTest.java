package io.stockage.examples.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * WOPI proof keys against Microsoft's published test vectors (eight requests signed with a current
 * and an old key: six genuine, two not), and the freshness of the timestamp.
 */
class WopiProofTest {
  private static final long EPOCH_TICKS = 621_355_968_000_000_000L;
  private static final Properties VECTORS = vectors();

  private static Properties vectors() {
    Properties p = new Properties();
    try (InputStream in = WopiProofTest.class.getResourceAsStream("/wopi/proof-key-vectors.properties")) {
      p.load(in);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return p;
  }

  private static List<PublicKey> keys() {
    return List.of(WopiDiscovery.rsa(VECTORS.getProperty("modulus"), VECTORS.getProperty("exponent")).orElseThrow(),
        WopiDiscovery.rsa(VECTORS.getProperty("oldModulus"), VECTORS.getProperty("oldExponent")).orElseThrow());
  }

  @ParameterizedTest(name = "vector {0}")
  @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
  void microsoftsVectors_verifyAsPublished(int n) {
    String ts = VECTORS.getProperty("v" + n + ".ts");
    Instant signedAt = Instant.ofEpochMilli((Long.parseLong(ts) - EPOCH_TICKS) / 10_000);
    boolean genuine = WopiProof.genuine(keys(), VECTORS.getProperty("v" + n + ".token"),
        VECTORS.getProperty("v" + n + ".url"), ts, VECTORS.getProperty("v" + n + ".proof"),
        VECTORS.getProperty("v" + n + ".old"), signedAt.plusSeconds(60));
    assertThat(genuine).isEqualTo(Boolean.parseBoolean(VECTORS.getProperty("v" + n + ".expected")));
  }

  @Test
  void aGenuineProof_olderThan20Minutes_isRefused() throws Exception {
    KeyPair pair = KeyPairGenerator.getInstance("RSA").generateKeyPair();
    Instant now = Instant.parse("2026-12-07T10:00:00Z");
    long ticks = now.toEpochMilli() * 10_000 + EPOCH_TICKS;
    String url = "https://stockage.example/wopi/files/abc?access_token=t0k3n";
    Signature rsa = Signature.getInstance("SHA256withRSA");
    rsa.initSign(pair.getPrivate());
    rsa.update(WopiProof.expected("t0k3n", url, ticks));
    String proof = Base64.getEncoder().encodeToString(rsa.sign());

    assertThat(WopiProof.genuine(List.of(pair.getPublic()), "t0k3n", url, Long.toString(ticks), proof, null,
        now.plusSeconds(19 * 60))).isTrue();
    assertThat(WopiProof.genuine(List.of(pair.getPublic()), "t0k3n", url, Long.toString(ticks), proof, null,
        now.plusSeconds(21 * 60))).isFalse();
    assertThat(WopiProof.genuine(List.of(pair.getPublic()), "t0k3n", url + "&x=1", Long.toString(ticks), proof, null,
        now)).as("another URL").isFalse();
  }
}
