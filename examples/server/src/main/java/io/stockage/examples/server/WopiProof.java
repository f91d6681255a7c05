package io.stockage.examples.server;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * WOPI proof keys: a WOPI client signs each request (SHA-256 with RSA) over the access token, the
 * request URL upper-cased, and a timestamp ({@code X-WOPI-TimeStamp}, .NET ticks), each preceded by
 * its length as a 4-byte big-endian integer. A request is genuine when {@code X-WOPI-Proof} verifies
 * with the current key, or {@code X-WOPI-ProofOld} with the current key, or {@code X-WOPI-Proof}
 * with the old key (the client is rotating its keys), and its timestamp is at most 20 minutes old.
 */
final class WopiProof {
  /** .NET ticks (100 ns since 0001-01-01) at the Unix epoch. */
  private static final long EPOCH_TICKS = 621_355_968_000_000_000L;
  private static final Duration MAX_AGE = Duration.ofMinutes(20);

  private WopiProof() {}

  /** The bytes a WOPI client signs for a request. */
  static byte[] expected(String accessToken, String url, long timestampTicks) {
    byte[] token = accessToken.getBytes(StandardCharsets.UTF_8);
    byte[] address = url.toUpperCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(ByteBuffer.allocate(4).putInt(token.length).array());
    out.writeBytes(token);
    out.writeBytes(ByteBuffer.allocate(4).putInt(address.length).array());
    out.writeBytes(address);
    out.writeBytes(ByteBuffer.allocate(4).putInt(8).array());
    out.writeBytes(ByteBuffer.allocate(8).putLong(timestampTicks).array());
    return out.toByteArray();
  }

  /**
   * Whether the request's proofs verify with the keys (current first, then old) and its timestamp
   * is fresh at {@code now}.
   */
  static boolean genuine(List<PublicKey> keys, String accessToken, String url, String timestamp, String proof,
      String proofOld, Instant now) {
    if (keys.isEmpty() || timestamp == null || proof == null) {
      return false;
    }
    long ticks;
    try {
      ticks = Long.parseLong(timestamp.strip());
    } catch (NumberFormatException e) {
      return false;
    }
    Instant signedAt = Instant.ofEpochMilli((ticks - EPOCH_TICKS) / 10_000);
    if (signedAt.isBefore(now.minus(MAX_AGE))) {
      return false;
    }
    byte[] expected = expected(accessToken, url, ticks);
    PublicKey current = keys.get(0);
    return verifies(current, expected, proof)
        || (proofOld != null && verifies(current, expected, proofOld))
        || (keys.size() > 1 && verifies(keys.get(1), expected, proof));
  }

  private static boolean verifies(PublicKey key, byte[] expected, String signature) {
    try {
      Signature rsa = Signature.getInstance("SHA256withRSA");
      rsa.initVerify(key);
      rsa.update(expected);
      return rsa.verify(Base64.getDecoder().decode(signature.strip()));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return false;
    }
  }
}
