package io.stockage.core;

import io.stockage.ErrorKind;
import io.stockage.StockageException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One HMAC-SHA256 key of the signed download URLs. The secret is copied in and out and never
 * shown by {@link #toString()}.
 *
 * @param id the key's id, written in each URL it signs ({@code kid}): 1 to 64 characters of
 *     {@code A-Z a-z 0-9 . _ -}
 * @param secret at least 32 bytes
 */
public record SigningKey(String id, byte[] secret) {
  /** The shortest secret accepted: the output size of SHA-256 (RFC 2104 §3). */
  public static final int MIN_SECRET_BYTES = 32;
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  /** Validates and copies the secret. */
  public SigningKey {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(secret, "secret");
    if (!ID.matcher(id).matches()) {
      throw StockageException.of(ErrorKind.CONFIG_INVALID,
          "a signing key id must be 1 to 64 characters of A-Z a-z 0-9 . _ -: " + id);
    }
    if (secret.length < MIN_SECRET_BYTES) {
      throw StockageException.of(ErrorKind.CONFIG_INVALID, "signing key " + id + " has " + secret.length
          + " bytes of secret; at least " + MIN_SECRET_BYTES + " are required");
    }
    secret = secret.clone();
  }

  /** A copy of the secret. */
  @Override
  public byte[] secret() {
    return secret.clone();
  }

  /** Same id and same secret (compared in constant time). */
  @Override
  public boolean equals(Object other) {
    return other instanceof SigningKey that && id.equals(that.id) && MessageDigest.isEqual(secret, that.secret);
  }

  @Override
  public int hashCode() {
    return 31 * id.hashCode() + Arrays.hashCode(secret);
  }

  /** The id only: the secret is never shown. */
  @Override
  public String toString() {
    return "SigningKey[id=" + id + ", secret=***]";
  }
}
