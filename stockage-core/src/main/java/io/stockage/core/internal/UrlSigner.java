package io.stockage.core.internal;

import io.stockage.ErrorKind;
import io.stockage.ItemId;
import io.stockage.OrgId;
import io.stockage.StockageException;
import io.stockage.Subject;
import io.stockage.UserId;
import io.stockage.core.SigningKey;
import io.stockage.core.SigningKeys;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and verifies the host-served download URLs of mounts that cannot presign:
 * {@code {base}/api/v1/signed/{item}?rev=&sub=&exp=&kid=&sig=}. The signature is HMAC-SHA256 over
 * a length-prefixed encoding of (version, kid, org, item, revision, user, expiry in epoch
 * seconds), so no two different tuples share an encoding; the organization is not in the URL but
 * comes from the presenter, so a URL cannot cross organizations. Verification compares in
 * constant time ({@link MessageDigest#isEqual}) and accepts only the exact text this class
 * writes: any other spelling of the same values (leading zeros, another percent-encoding, another
 * parameter order) is refused like any tampering.
 */
public final class UrlSigner {
  /** The path of the signed URLs, before the item id. */
  public static final String PATH = "/api/v1/signed/";
  private static final String VERSION = "stockage-signed-url/1";
  private static final Pattern NUMBER = Pattern.compile("[1-9][0-9]{0,17}");
  private static final String[] PARAMS = {"rev", "sub", "exp", "kid", "sig"};

  private final SigningKeys keys;
  private final String base;
  private final InstantSource clock;

  /** A signer with these keys, writing URLs under {@code baseUrl}, telling expiry by {@code clock}. */
  public UrlSigner(SigningKeys keys, URI baseUrl, InstantSource clock) {
    this.keys = keys;
    String text = baseUrl.toString();
    this.base = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    this.clock = clock;
  }

  /**
   * What a signed URL grants: one revision of one item to one subject until an instant.
   *
   * @param org the organization of the item and subject
   * @param item the file
   * @param revision the revision
   * @param user the subject it was issued to
   * @param expiresAt when it stops working; whole seconds
   */
  public record Grant(OrgId org, ItemId item, int revision, UserId user, Instant expiresAt) {}

  /** The URL of a grant, signed with the current key; its expiry is rounded down to the second. */
  public URI sign(Grant grant) {
    SigningKey key = keys.current();
    long exp = grant.expiresAt().getEpochSecond();
    String sig = signature(key, grant.org(), grant.item().toString(), grant.revision(), grant.user().value(), exp);
    return URI.create(base + PATH + grant.item() + "?" + query(grant.revision(), grant.user().value(), exp, key.id(), sig));
  }

  /**
   * The grant of a URL presented by a subject, when its signature holds for that subject under a
   * configured key and it has not expired; empty for every other URL, whatever is wrong with it.
   */
  public Optional<Grant> verify(Subject presenter, URI url) {
    try {
      return Optional.ofNullable(check(presenter, url));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private Grant check(Subject presenter, URI url) {
    String path = url.getRawPath();
    String query = url.getRawQuery();
    int at = path == null ? -1 : path.lastIndexOf(PATH);
    if (at < 0 || query == null) {
      return null;
    }
    String itemText = path.substring(at + PATH.length());
    ItemId item = ItemId.of(UUID.fromString(itemText));
    String[] values = values(query);
    if (values == null || !item.toString().equals(itemText) || !NUMBER.matcher(values[0]).matches()
        || !NUMBER.matcher(values[2]).matches()) {
      return null;
    }
    int rev = Integer.parseInt(values[0]);
    long exp = Long.parseLong(values[2]);
    Optional<SigningKey> key = keys.find(values[3]);
    if (key.isEmpty() || !query.equals(query(rev, values[1], exp, values[3], values[4]))) {
      return null;
    }
    String expected = signature(key.get(), presenter.org(), itemText, rev, presenter.user().value(), exp);
    boolean valid = MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
        values[4].getBytes(StandardCharsets.UTF_8));
    Instant expiresAt = Instant.ofEpochSecond(exp);
    if (!valid || !values[1].equals(presenter.user().value()) || !clock.instant().isBefore(expiresAt)) {
      return null;
    }
    return new Grant(presenter.org(), item, rev, presenter.user(), expiresAt);
  }

  /** The decoded values of the five parameters, in their order; null unless exactly those. */
  private static String[] values(String query) {
    String[] pairs = query.split("&", -1);
    if (pairs.length != PARAMS.length) {
      return null;
    }
    String[] values = new String[PARAMS.length];
    for (int i = 0; i < PARAMS.length; i++) {
      if (!pairs[i].startsWith(PARAMS[i] + "=")) {
        return null;
      }
      values[i] = URLDecoder.decode(pairs[i].substring(PARAMS[i].length() + 1), StandardCharsets.UTF_8);
    }
    return values;
  }

  private static String query(int rev, String user, long exp, String kid, String sig) {
    return "rev=" + rev + "&sub=" + encode(user) + "&exp=" + exp + "&kid=" + encode(kid) + "&sig=" + encode(sig);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static String signature(SigningKey key, OrgId org, String item, int rev, String user, long exp) {
    ByteArrayOutputStream message = new ByteArrayOutputStream();
    for (String field : new String[] {VERSION, key.id(), org.value(), item, Integer.toString(rev), user,
        Long.toString(exp)}) {
      byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
      message.writeBytes(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
      message.writeBytes(bytes);
    }
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.secret(), "HmacSHA256"));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(message.toByteArray()));
    } catch (GeneralSecurityException e) {
      throw StockageException.of(ErrorKind.UNEXPECTED, "HMAC-SHA256 is not available: " + e, e);
    }
  }
}
