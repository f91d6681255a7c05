package io.stockage;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * Bearer access to a file's content ({@link Stockage#sharing()}): share links (a token, until
 * revoked or expired) and signed download URLs (HMAC-signed, short-lived). Whoever holds one may
 * read without credentials, so the opening calls take no subject; every use is audited.
 */
public interface Sharing {

  /**
   * Creates a link that lets anyone holding its token download the file's current content,
   * read-only, until {@code ttl} has passed or it is revoked; audited. The token is in the result
   * only: the catalog keeps its SHA-256 hash. Needs {@link Permission#SHARE} on the file.
   *
   * @throws StockageException {@code INVALID_ARGUMENT} when {@code ttl} is not between 1 second
   *     and 30 days, or the item is a folder
   */
  ShareLink createLink(Subject subject, ItemId file, Duration ttl);

  /**
   * Revokes a share link: its token stops working at once. Revoking a revoked link succeeds;
   * audited. Needs {@link Permission#SHARE} on its file.
   *
   * @throws StockageException {@code NOT_FOUND} for an unknown link or another organization's
   */
  void revokeLink(Subject subject, UUID link);

  /**
   * Opens the current content of the file a share link shares; the use is audited in the file's
   * organization, with the link's creator as actor.
   *
   * @throws StockageException {@code NOT_FOUND}, with one message for all, when the token is
   *     unknown, expired or revoked, or its file is trashed or purged
   */
  Content openLink(String token);

  /** Opens a range of what {@link #openLink(String)} opens. */
  Content openLink(String token, ByteRange range);

  /**
   * A bearer URL that downloads the file's current revision until it expires; audited. Needs
   * {@link Permission#VIEW}. It is an HMAC-signed URL of the host
   * ({@code {publicBaseUrl}/api/v1/signed/{item}?...}) that anyone holding it may fetch without
   * credentials (a browser, pdf.js, a WOPI client), served through {@link #openSigned(URI)} (or
   * redirected to the provider by {@link #presignSigned}); it stops working once its issuer can
   * no longer view the file.
   *
   * @throws StockageException {@code INVALID_ARGUMENT} when {@code ttl} is not between 1 second
   *     and 7 days
   */
  DownloadUrl downloadUrl(Subject subject, ItemId file, Duration ttl);

  /**
   * Opens the content a signed URL from {@link #downloadUrl} names. The use is audited with the
   * issuing subject as actor. It opens the revision it was issued for, until it expires, while its
   * file is live and its issuer may still view it (with the organization permissions it held when
   * it asked).
   *
   * @throws StockageException {@code PERMISSION_DENIED}, with one message for all, when the URL
   *     is malformed, altered in any byte, expired, signed with a key no longer configured, its
   *     file trashed or gone, or its issuer can no longer view the file
   */
  Content openSigned(URI url);

  /** Opens a range of what {@link #openSigned(URI)} opens. */
  Content openSigned(URI url, ByteRange range);

  /**
   * Checks a signed URL as {@link #openSigned(URI)} does and, when the file's mount has
   * {@link Capability#PRESIGN_READ}, audits the use and returns the provider's presigned URL of
   * that revision, valid for one minute, to redirect the client to (the bytes then skip the
   * host); empty, with nothing audited, when the mount cannot presign: serve {@link #openSigned(URI)}.
   *
   * @throws StockageException {@code PERMISSION_DENIED} as {@link #openSigned(URI)}
   */
  Optional<URI> presignSigned(URI url);
}
