package io.stockage.examples.server;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * WOPI access tokens: short-lived, bound to one user and one file, signed with HMAC-SHA256 (no
 * state on the server, so every node that shares the key accepts them). A token is
 * {@code base64url(v1|user|file|expiry-millis).base64url(mac)}; a WOPI client treats it as opaque.
 */
final class WopiTokens {
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODE = Base64.getUrlDecoder();

  private final SecretKeySpec key;
  private final Duration ttl;
  private final InstantSource clock;

  WopiTokens(byte[] key, Duration ttl, InstantSource clock) {
    if (key.length < 32) {
      throw new IllegalArgumentException("a WOPI token key has at least 32 bytes");
    }
    this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
    this.ttl = ttl;
    this.clock = clock;
  }

  /** A token issued to a user for a file, and when it expires. */
  record Issued(String token, Instant expiresAt) {}

  /** What a valid token says. */
  record Claims(String user, String file, Instant expiresAt) {}

  Issued issue(String user, String file) {
    Instant expires = clock.instant().plus(ttl);
    String payload = "v1|" + user + "|" + file + "|" + expires.toEpochMilli();
    byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
    return new Issued(B64.encodeToString(bytes) + "." + B64.encodeToString(mac(bytes)), expires);
  }

  /** The token's claims when it is well formed, signed by this key, unexpired, and for {@code file}. */
  Optional<Claims> verify(String token, String file) {
    if (token == null || token.length() > 4096) {
      return Optional.empty();
    }
    int dot = token.indexOf('.');
    if (dot < 0) {
      return Optional.empty();
    }
    byte[] payload;
    byte[] mac;
    try {
      payload = DECODE.decode(token.substring(0, dot));
      mac = DECODE.decode(token.substring(dot + 1));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    if (!MessageDigest.isEqual(mac, mac(payload))) {
      return Optional.empty();
    }
    String[] parts = new String(payload, StandardCharsets.UTF_8).split("\\|", -1);
    if (parts.length != 4 || !parts[0].equals("v1") || !parts[2].equals(file)) {
      return Optional.empty();
    }
    Instant expires;
    try {
      expires = Instant.ofEpochMilli(Long.parseLong(parts[3]));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    return expires.isAfter(clock.instant()) ? Optional.of(new Claims(parts[1], parts[2], expires)) : Optional.empty();
  }

  private byte[] mac(byte[] payload) {
    try {
      Mac hmac = Mac.getInstance("HmacSHA256");
      hmac.init(key);
      return hmac.doFinal(payload);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("every JDK has HmacSHA256", e);
    }
  }
}
