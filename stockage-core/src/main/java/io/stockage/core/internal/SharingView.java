package io.stockage.core.internal;

import io.stockage.ByteRange;
import io.stockage.Content;
import io.stockage.DownloadUrl;
import io.stockage.ItemId;
import io.stockage.ShareLink;
import io.stockage.Sharing;
import io.stockage.Subject;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/** {@link Sharing} over share links and signed URLs. */
public final class SharingView implements Sharing {
  private final ShareLinks links;
  private final SecureUrls urls;

  /** The view over these services. */
  public SharingView(ShareLinks links, SecureUrls urls) {
    this.links = links;
    this.urls = urls;
  }

  @Override
  public ShareLink createLink(Subject subject, ItemId file, Duration ttl) {
    return links.create(subject, file, ttl);
  }

  @Override
  public void revokeLink(Subject subject, UUID link) {
    links.revoke(subject, link);
  }

  @Override
  public Content openLink(String token) {
    return links.open(token, Optional.empty());
  }

  @Override
  public Content openLink(String token, ByteRange range) {
    return links.open(token, Optional.of(range));
  }

  @Override
  public DownloadUrl downloadUrl(Subject subject, ItemId file, Duration ttl) {
    return urls.downloadUrl(subject, file, ttl);
  }

  @Override
  public Content openSigned(URI url) {
    return urls.openSigned(url, Optional.empty());
  }

  @Override
  public Content openSigned(URI url, ByteRange range) {
    return urls.openSigned(url, Optional.of(range));
  }

  @Override
  public Optional<URI> presignSigned(URI url) {
    return urls.presignSigned(url);
  }
}
