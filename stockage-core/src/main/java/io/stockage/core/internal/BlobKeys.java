package io.stockage.core.internal;

import io.stockage.OrgId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The storage keys Stockage uses. None derives from user input: content keys come from the
 * SHA-256 of the bytes, staging keys from a random UUID, and the organization segment is the
 * host's org id only when it is a plain token (else a hash of it).
 *
 * <pre>
 *   staging/{uuid}
 *   org_{org}/blobs/sha256/{aa}/{bb}/{sha256}   content-addressed revisions
 *   org_{org}/items/{itemId}                    revisions as native versions (S3 bucket versioning)
 *   org_{org}/vault/sha256/{aa}/{bb}/{sha256}   the same for vault files, in their own namespace:
 *   org_{org}/vault-items/{itemId}              identical content is stored once per namespace
 * </pre>
 */
public final class BlobKeys {
  /** Where uploads stream to before promotion. */
  public static final String STAGING_PREFIX = "staging/";
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_-]{1,64}");
  private static final Pattern ITEM = Pattern.compile("org_[A-Za-z0-9_-]{1,64}/(items|vault-items)/[0-9a-f-]{36}");
  private static final Pattern BLOB =
      Pattern.compile("org_[A-Za-z0-9_-]{1,64}/(blobs|vault)/sha256/[0-9a-f]{2}/[0-9a-f]{2}/([0-9a-f]{64})");

  private BlobKeys() {}

  /** A fresh staging key. */
  public static String staging() {
    return STAGING_PREFIX + UUID.randomUUID();
  }

  /** The content-addressed key of content with that SHA-256 in the namespace. */
  public static String blob(Space space, String sha256) {
    return "org_" + orgSegment(space.org()) + (space.vault() ? "/vault" : "/blobs") + "/sha256/"
        + sha256.substring(0, 2) + "/" + sha256.substring(2, 4) + "/" + sha256;
  }

  /**
   * The key of an item on a mount with native versioning: its revisions are the versions of
   * this key ({@code org_{org}/items/{itemId}}, or {@code vault-items} for a vault file).
   */
  public static String item(Space space, io.stockage.ItemId item) {
    return "org_" + orgSegment(space.org()) + (space.vault() ? "/vault-items/" : "/items/") + item;
  }

  /** Whether a key is an item's key on a natively versioned mount. */
  public static boolean isItem(String key) {
    return ITEM.matcher(key).matches();
  }

  /** The SHA-256 a content-addressed key names; empty when the key is not one. */
  public static Optional<String> shaOf(String key) {
    var m = BLOB.matcher(key);
    return m.matches() ? Optional.of(m.group(2)) : Optional.empty();
  }

  private static String orgSegment(OrgId org) {
    if (PLAIN.matcher(org.value()).matches()) {
      return org.value();
    }
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(org.value().getBytes(StandardCharsets.UTF_8));
      return "h" + HexFormat.of().formatHex(hash, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /**
   * A key namespace: an organization's regular content, or its vault.
   *
   * @param org the organization
   * @param vault whether it is the vault's namespace
   */
  public record Space(OrgId org, boolean vault) {
    /** The namespace of an item's content. */
    public static Space of(io.stockage.Item item) {
      return new Space(item.org(), item.vault());
    }
  }
}
