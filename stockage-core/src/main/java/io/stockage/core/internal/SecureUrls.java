package io.stockage.core.internal;

import io.stockage.AuditOutcome;
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
import io.stockage.TeamId;
import io.stockage.UserId;
import io.stockage.spi.catalog.AuditRecord;
import io.stockage.spi.catalog.CatalogSession;
import io.stockage.spi.catalog.RevisionRecord;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Download URLs (DESIGN §5 "Secure URLs"): bearer URLs of the host, HMAC-signed
 * ({@link UrlSigner}), that a browser, pdf.js or a WOPI client fetches without credentials. Each
 * is pinned to the revision it was issued for and checked at each use: intact, not expired, its
 * file live, and its issuer still able to view it (with the organization permissions it held
 * when it asked). Where the mount has {@link Capability#PRESIGN_READ}, a use may be answered with
 * a provider presigned URL that lives {@link #REDIRECT_TTL}, so that the bytes do not go through
 * the host; the provider's URL is never handed out at issue time, since the provider could not
 * audit its uses nor refuse one once the issuer lost access. Issuing and every use are audited; a
 * refused use of a known file too, at most once a minute per file ({@link DenialThrottle}).
 */
public final class SecureUrls {
  /** What every refused signed URL gets, whatever is wrong with it. */
  static final String REFUSED = "the signed URL is invalid, expired, or its issuer may no longer view the file";
  /** How long a presigned URL answered to a use lives: long enough to follow a redirect. */
  static final Duration REDIRECT_TTL = Duration.ofMinutes(1);
  private static final Duration MAX_TTL = Duration.ofDays(7);
  private static final UserId ANONYMOUS = UserId.of("anonymous");

  private final EngineContext ctx;
  private final UrlSigner signer;
  private final DenialThrottle refusals;

  /** A service over the engine's context, signing with {@code signer}. */
  public SecureUrls(EngineContext ctx, UrlSigner signer) {
    this.ctx = ctx;
    this.signer = signer;
    this.refusals = new DenialThrottle(ctx.clock());
  }

  /** See {@link io.stockage.Sharing#downloadUrl}. */
  public DownloadUrl downloadUrl(Subject subject, ItemId id, Duration ttl) {
    Operation op = Operation.query(ctx, "download-url", subject, id.toString());
    return op.run(() -> {
      if (ttl.compareTo(Duration.ofSeconds(1)) < 0 || ttl.compareTo(MAX_TTL) > 0) {
        throw StockageException.of(ErrorKind.INVALID_ARGUMENT, "a download URL lives between 1 second and 7 days");
      }
      Instant expiresAt = ctx.clock().instant().plus(ttl);
      return ctx.catalog().inTransaction(session -> {
        Item item = Lookups.liveFile(op, session, id, Permission.VIEW, false).item();
        session.audit().append(op.allowed(Map.of("revision", item.version(), "ttl", ttl.toString(),
            "via", "signed-url")));
        URI url = signer.sign(new UrlSigner.Grant(subject, id, item.revision(), expiresAt));
        return new DownloadUrl(url, Instant.ofEpochSecond(expiresAt.getEpochSecond()));
      });
    });
  }

  /** See {@link io.stockage.Sharing#openSigned(java.net.URI)}. */
  public Content openSigned(URI url, Optional<ByteRange> range) {
    return use(url, range, false).orElseThrow().content(ctx, range);
  }

  /** See {@link io.stockage.Sharing#presignSigned}. */
  public Optional<URI> presignSigned(URI url) {
    return use(url, Optional.empty(), true).map(use -> ctx.mount(use.item().mount()).provider()
        .presignRead(use.revision().blobKey(), REDIRECT_TTL, Optional.of(use.item().name())));
  }

  /**
   * Checks a use and audits it; empty, with nothing audited, when a presigned answer was asked
   * for and the mount cannot presign.
   */
  private Optional<Contents.Opened> use(URI url, Optional<ByteRange> range, boolean presign) {
    UrlSigner.Checked checked = signer.verify(url);
    // Asked before the transaction: the directory may use the same connection pool.
    Set<TeamId> teams = checked.grant()
        .map(g -> Set.copyOf(ctx.directory().teamsOf(g.issuer().org(), g.issuer().user())))
        .orElse(Set.of());
    Decision decision;
    try {
      decision = ctx.catalog().inTransaction(session -> decide(session, checked, teams, range, presign));
    } catch (StockageException e) {
      throw e.withContext("signed-download", null, checked.item().map(ItemId::toString).orElse("signed-url"));
    }
    if (decision.refused()) {
      throw StockageException.of(ErrorKind.PERMISSION_DENIED, REFUSED)
          .withContext("signed-download", null, checked.item().map(ItemId::toString).orElse("signed-url"));
    }
    return decision.use();
  }

  private Decision decide(CatalogSession session, UrlSigner.Checked checked, Set<TeamId> teams,
      Optional<ByteRange> range, boolean presign) {
    Instant now = ctx.clock().instant();
    Optional<Item> item = checked.item().flatMap(id -> session.items().find(id));
    Optional<UrlSigner.Grant> grant = checked.grant().filter(g -> item.isPresent()
        && item.get().org().equals(g.issuer().org()));
    String problem = checked.problem().isEmpty() && grant.isEmpty() ? "invalid" : checked.problem();
    if (problem.isEmpty()) {
      problem = item.get().isTrashed() || item.get().isFolder() ? "item-trashed"
          : !views(session, grant.get().issuer(), teams, item.get()) ? "issuer-lost-view" : "";
    }
    if (!problem.isEmpty()) {
      if (item.isPresent()) {
        OptionalLong unaudited = refusals.admit(item.get().id().toString());
        if (unaudited.isPresent()) {
          session.audit().append(new AuditRecord(item.get().org(), grant.map(g -> g.issuer().user()).orElse(ANONYMOUS),
              "signed-download", item.get().id().toString(), AuditOutcome.DENIED, Map.of("reason", problem,
              "unauditedBefore", Long.toString(unaudited.getAsLong())), now));
        }
      }
      return new Decision(true, Optional.empty());
    }
    Item file = item.get();
    RevisionRecord revision = Contents.revision(session, file.id(), grant.get().revision());
    if (presign && !ctx.mount(file.mount()).provider().capabilities().supports(Capability.PRESIGN_READ)) {
      return new Decision(false, Optional.empty());
    }
    range.ifPresent(r -> r.resolve(revision.revision().size()));
    session.audit().append(new AuditRecord(file.org(), grant.get().issuer().user(), "signed-download",
        file.id().toString(), AuditOutcome.ALLOWED, Map.of("revision", Integer.toString(grant.get().revision()),
        "range", range.map(ByteRange::toString).orElse("all"), "via", presign ? "presigned-redirect" : "signed-url"),
        now));
    return new Decision(false, Optional.of(new Contents.Opened(file, revision)));
  }

  private static boolean views(CatalogSession session, Subject issuer, Set<TeamId> teams, Item item) {
    Optional<io.stockage.Project> project = session.projects().find(item.project());
    return project.isPresent() && Authorizer.access(issuer, teams, item, project.get(), session).allows(Permission.VIEW);
  }


  private record Decision(boolean refused, Optional<Contents.Opened> use) {}
}
