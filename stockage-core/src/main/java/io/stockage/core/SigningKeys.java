package io.stockage.core;

import io.stockage.ErrorKind;
import io.stockage.StockageException;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The keys of the HMAC-signed download URLs: the first key signs, and every key verifies. To
 * rotate, configure {@code (new, old)} for as long as the old key's URLs may live (at most the
 * 7-day limit of a download URL), then {@code (new)} alone: URLs signed with the dropped key stop
 * working.
 *
 * @param keys one or two keys (current, then previous) with distinct ids
 */
public record SigningKeys(List<SigningKey> keys) {
  /** At most the current key and the previous one. */
  public static final int MAX_KEYS = 2;

  /** Validates and copies. */
  public SigningKeys {
    keys = List.copyOf(Objects.requireNonNull(keys, "keys"));
    if (keys.isEmpty() || keys.size() > MAX_KEYS) {
      throw StockageException.of(ErrorKind.CONFIG_INVALID,
          "1 or 2 signing keys are required (current, then previous), not " + keys.size());
    }
    if (new HashSet<>(keys.stream().map(SigningKey::id).toList()).size() != keys.size()) {
      throw StockageException.of(ErrorKind.CONFIG_INVALID, "two signing keys have the same id");
    }
  }

  /** The current key alone. */
  public static SigningKeys of(SigningKey current) {
    return new SigningKeys(List.of(current));
  }

  /** The current key, signing, and the previous one, still verifying. */
  public static SigningKeys of(SigningKey current, SigningKey previous) {
    return new SigningKeys(List.of(current, previous));
  }

  /** One random 32-byte key from {@link SecureRandom}: its URLs stop working when it is dropped. */
  public static SigningKeys random() {
    byte[] secret = new byte[SigningKey.MIN_SECRET_BYTES];
    new SecureRandom().nextBytes(secret);
    return of(new SigningKey("random", secret));
  }

  /** The key that signs. */
  public SigningKey current() {
    return keys.get(0);
  }

  /** The key with that id, if it is configured. */
  public Optional<SigningKey> find(String id) {
    return keys.stream().filter(k -> k.id().equals(id)).findFirst();
  }
}
