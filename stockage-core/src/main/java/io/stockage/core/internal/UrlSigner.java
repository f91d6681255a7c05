package io.stockage.core.internal;

import io.stockage.ErrorKind;
import io.stockage.ItemId;
import io.stockage.OrgId;
import io.stockage.OrgPermission;
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
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and verifies the host-served download URLs (DESIGN §5 "Secure URLs"), which are bearer
 * URLs like S3's presigned ones: whoever holds one may fetch it, without credentials,
 * {@code {base}/api/v1/signed/{item}?org=&rev=&sub=&perm=&exp=&kid=&sig=}. The URL names the
 * organization, the revision, the issuing subject and the organization permissions it held (which
 * only the host knows, and only when it calls), so that each use can check that the issuer still
 * views the file. The signature is HMAC-SHA256 over a length-prefixed encoding of (version, kid,
 * org, item, revision, user, permissions, expiry in epoch seconds), so no two different tuples
 * share an encoding. Verification compares in constant time ({@link MessageDigest#isEqual}) and
 * accepts only the exact text this class writes: any other spelling of the same values (leading
 * zeros, another percent-encoding, another parameter order) is refused like any tampering.
 */
public final class UrlSigner {
  /** The path of the signed URLs, before the item id. */
  public static final String PATH = "/api/v1/signed/";
  private static final String VERSION = "stockage-signed-url/2";
  // At most 9 digits (an int) and 12 digits (an instant far in the future, never an overflow).
  private static final Pattern REVISION = Pattern.compile("[1-9][0-9]{0,8}");
  private static final Pattern EXPIRY = Pattern.compile("[1-9][0-9]{0,11}");
  private static final String[] PARAMS = {"org", "rev", "sub", "perm", "exp", "kid", "sig"};

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
   * What a signed URL grants: one revision of one item, on behalf of the subject that issued it,
   * until an instant.
   *
   * @param issuer who issued it, with the organization permissions it held then
   * @param item the item
   * @param revision the revision
   * @param expiresAt when it stops working; whole seconds
   */
  public record Grant(Subject issuer, ItemId item, int revision, Instant expiresAt) {}

  /**
   * What verifying a URL found.
   *
   * @param item the item the URL names, when its path names one (whatever else is wrong)
   * @param grant the grant, when the URL is intact, signed by a configured key and not expired
   * @param problem why it is refused ({@code invalid}, {@code expired}); empty with a grant
   */
  public record Checked(Optional<ItemId> item, Optional<Grant> grant, String problem) {
    static Checked refused(Optional<ItemId> item, String problem) {
      return new Checked(item, Optional.empty(), problem);
    }
  }

  /** The URL of a grant, signed with the current key; its expiry is rounded down to the second. */
  public URI sign(Grant grant) {
    SigningKey key = keys.current();
    long exp = grant.expiresAt().getEpochSecond();
    Subject issuer = grant.issuer();
    String perm = permissions(issuer.permissions());
    String sig = signature(key, issuer.org().value(), grant.item().toString(), grant.revision(),
        issuer.user().value(), perm, exp);
    return URI.create(base + PATH + grant.item() + "?" + query(new String[] {issuer.org().value(),
        Integer.toString(grant.revision()), issuer.user().value(), perm, Long.toString(exp), key.id(), sig}));
  }

  /** Verifies a URL; every failure is a refusal, never an exception. */
  public Checked verify(URI url) {
    String path = url.getRawPath();
    String query = url.getRawQuery();
    int at = path == null ? -1 : path.lastIndexOf(PATH);
    if (at < 0) {
      return Checked.refused(Optional.empty(), "invalid");
    }
    String itemText = path.substring(at + PATH.length());
    Optional<ItemId> item = parseItem(itemText);
    String[] values = query == null ? null : values(query);
    if (item.isEmpty() || values == null || !REVISION.matcher(values[1]).matches()
        || !EXPIRY.matcher(values[4]).matches() || !query.equals(query(values))) {
      return Checked.refused(item, "invalid");
    }
    Optional<SigningKey> key = keys.find(values[5]);
    Optional<Set<OrgPermission>> perms = parsePermissions(values[3]);
    if (key.isEmpty() || perms.isEmpty() || values[0].isEmpty() || values[2].isEmpty()) {
      return Checked.refused(item, "invalid");
    }
    int rev = Integer.parseInt(values[1]);
    long exp = Long.parseLong(values[4]);
    String expected = signature(key.get(), values[0], itemText, rev, values[2], values[3], exp);
    if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), values[6].getBytes(StandardCharsets.UTF_8))) {
      return Checked.refused(item, "invalid");
    }
    Instant expiresAt = Instant.ofEpochSecond(exp);
    if (!clock.instant().isBefore(expiresAt)) {
      return Checked.refused(item, "expired");
    }
    Subject issuer = new Subject(OrgId.of(values[0]), UserId.of(values[2]), perms.get());
    return new Checked(item, Optional.of(new Grant(issuer, item.get(), rev, expiresAt)), "");
  }

  private static Optional<ItemId> parseItem(String text) {
    try {
      ItemId item = ItemId.of(UUID.fromString(text));
      return item.toString().equals(text) ? Optional.of(item) : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** The organization permissions, by name in declaration order, comma-separated. */
  private static String permissions(Set<OrgPermission> held) {
    StringBuilder text = new StringBuilder();
    for (OrgPermission p : OrgPermission.values()) {
      if (held.contains(p)) {
        text.append(text.length() == 0 ? "" : ",").append(p.name());
      }
    }
    return text.toString();
  }

  private static Optional<Set<OrgPermission>> parsePermissions(String text) {
    Set<OrgPermission> held = EnumSet.noneOf(OrgPermission.class);
    if (!text.isEmpty()) {
      for (String name : text.split(",", -1)) {
        try {
          held.add(OrgPermission.valueOf(name));
        } catch (IllegalArgumentException e) {
          return Optional.empty();
        }
      }
    }
    // Only the spelling this class writes.
    return permissions(held).equals(text) ? Optional.of(held) : Optional.empty();
  }

  /** The decoded values of the parameters, in their order; null unless exactly those. */
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
      try {
        values[i] = URLDecoder.decode(pairs[i].substring(PARAMS[i].length() + 1), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        return null;
      }
    }
    return values;
  }

  private static String query(String[] values) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < PARAMS.length; i++) {
      text.append(i == 0 ? "" : "&").append(PARAMS[i]).append('=')
          .append(URLEncoder.encode(values[i], StandardCharsets.UTF_8));
    }
    return text.toString();
  }

  private static String signature(SigningKey key, String org, String item, int rev, String user, String perm,
      long exp) {
    ByteArrayOutputStream message = new ByteArrayOutputStream();
    for (String field : new String[] {VERSION, key.id(), org, item, Integer.toString(rev), user, perm,
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
