package io.stockage.core.internal;

import io.stockage.ByteRange;
import io.stockage.Capability;
import io.stockage.Content;
import io.stockage.DownloadUrl;
import io.stockage.ErrorKind;
import io.stockage.Item;
import io.stockage.ItemId;
import io.stockage.Permission;
import io.stockage.StockageException;
import io.stockage.Subject;
import io.stockage.spi.ObjectContent;
import io.stockage.spi.RevisionRecord;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Download URLs (DESIGN §5 "Secure URLs"): the provider's presigned URL where the mount has
 * {@link Capability#PRESIGN_READ}, else an HMAC-signed URL served by the host through
 * {@link #openSigned}. Issuing and every use are audited; a refused URL is audited as a denial.
 */
public final class SecureUrls {
  /** What every refused signed URL gets, whatever is wrong with it. */
  static final String REFUSED = "the signed URL is invalid, expired or not yours";
  private static final Duration MAX_TTL = Duration.ofDays(7);

  private final EngineContext ctx;
  private final UrlSigner signer;

  /** A service over the engine's context, signing with {@code signer}. */
  public SecureUrls(EngineContext ctx, UrlSigner signer) {
    this.ctx = ctx;
    this.signer = signer;
  }

  /** See {@link io.stockage.Stockage#downloadUrl}. */
  public DownloadUrl downloadUrl(Subject subject, ItemId id, Duration ttl) {
    Operation op = Operation.query(ctx, "download-url", subject, id.toString());
    return op.run(() -> {
      if (ttl.compareTo(Duration.ofSeconds(1)) < 0 || ttl.compareTo(MAX_TTL) > 0) {
        throw StockageException.of(ErrorKind.INVALID_ARGUMENT, "a download URL lives between 1 second and 7 days");
      }
      Instant expiresAt = ctx.clock().instant().plus(ttl);
      return ctx.catalog().inTransaction(session -> {
        Item item = Lookups.liveFile(op, session, id, Permission.VIEW, false).item();
        RevisionRecord revision = Contents.revision(session, id, item.revision());
        boolean presign = ctx.mount(item.mount()).provider().capabilities().supports(Capability.PRESIGN_READ);
        session.journal().audit(op.allowed(Map.of("revision", item.version(), "ttl", ttl.toString(),
            "via", presign ? "presigned" : "signed-url")));
        if (presign) {
          // A native revision's key holds the current revision as its newest version.
          URI url = ctx.mount(item.mount()).provider().presignRead(revision.blobKey(), ttl, Optional.of(item.name()));
          return new DownloadUrl(url, expiresAt);
        }
        URI url = signer.sign(new UrlSigner.Grant(item.org(), id, item.revision(), subject.user(), expiresAt));
        return new DownloadUrl(url, Instant.ofEpochSecond(expiresAt.getEpochSecond()));
      });
    });
  }

  /** See {@link io.stockage.Stockage#openSigned}. */
  public Content openSigned(Subject presenter, URI url, Optional<ByteRange> range) {
    Operation op = Operation.query(ctx, "signed-download", presenter, "signed-url");
    return op.run(() -> {
      UrlSigner.Grant grant = signer.verify(presenter, url)
          .orElseThrow(() -> op.deny(ErrorKind.PERMISSION_DENIED, REFUSED));
      op.target(grant.item().toString());
      Opened opened = ctx.catalog().inTransaction(session -> {
        Item item = Lookups.liveFile(op, session, grant.item(), Permission.VIEW, false).item();
        RevisionRecord revision = Contents.revision(session, item.id(), grant.revision());
        range.ifPresent(r -> r.resolve(revision.revision().size()));
        session.journal().audit(op.allowed(Map.of("revision", Integer.toString(grant.revision()),
            "range", range.map(ByteRange::toString).orElse("all"), "via", "signed-url")));
        return new Opened(item, revision);
      });
      ObjectContent object = Contents.open(ctx.mount(opened.item().mount()), opened.revision(), range);
      return new Content(Contents.asOf(opened.item(), opened.revision().revision()), object.slice(), object.stream());
    });
  }

  private record Opened(Item item, RevisionRecord revision) {}
}
