package io.stockage.core.internal;

import io.stockage.AuditOutcome;
import io.stockage.ByteRange;
import io.stockage.Content;
import io.stockage.ErrorKind;
import io.stockage.Item;
import io.stockage.ItemId;
import io.stockage.Permission;
import io.stockage.ShareLink;
import io.stockage.StockageException;
import io.stockage.Subject;
import io.stockage.TeamId;
import io.stockage.spi.catalog.AuditRecord;
import io.stockage.spi.catalog.CatalogSession;
import io.stockage.spi.catalog.RevisionRecord;
import io.stockage.spi.catalog.ShareLinkRecord;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Share links: a random token that opens a file's current content, read-only, for anyone holding
 * it. Only the token's SHA-256 is stored, and a token is looked up by that hash on every use (no
 * cache), so a revocation holds for the very next request. A link works only while its creator
 * holds {@code SHARE} on the file. Creation, revocation and every use are audited — a refused use
 * of a known link at most once a minute per link, with the count of the others
 * ({@link DenialThrottle}); a token that names no link at all has no organization to audit in and
 * is not recorded.
 */
public final class ShareLinks {
  /** What every token that does not open gets: unknown, expired, revoked, or its file gone. */
  static final String UNKNOWN = "no such share link";
  private static final Logger LOG = LoggerFactory.getLogger(ShareLinks.class);
  private static final Duration MAX_TTL = Duration.ofDays(30);
  private static final int TOKEN_BYTES = 32;

  private final EngineContext ctx;
  private final SecureRandom random;
  private final DenialThrottle refusals;

  /** A service over the engine's context, drawing tokens from {@code random}. */
  public ShareLinks(EngineContext ctx, SecureRandom random) {
    this.ctx = ctx;
    this.random = random;
    this.refusals = new DenialThrottle(ctx.clock());
  }

  /** See {@link io.stockage.Sharing#createLink}. */
  public ShareLink create(Subject subject, ItemId file, Duration ttl) {
    Operation op = Operation.mutation(ctx, "share-link-create", subject, file.toString());
    return op.run(() -> {
      if (ttl.compareTo(Duration.ofSeconds(1)) < 0 || ttl.compareTo(MAX_TTL) > 0) {
        throw StockageException.of(ErrorKind.INVALID_ARGUMENT, "a share link lives between 1 second and 30 days");
      }
      byte[] bytes = new byte[TOKEN_BYTES];
      random.nextBytes(bytes);
      String token = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
      Instant now = ctx.clock().instant();
      UUID id = UUID.randomUUID();
      return ctx.catalog().inTransaction(session -> {
        Item item = Lookups.liveFile(op, session, file, Permission.SHARE, false).item();
        ShareLinkRecord link = new ShareLinkRecord(id, item.org(), file, hash(token), subject.user(),
            subject.permissions(), now,
            now.plus(ttl), Optional.empty());
        session.links().insert(link);
        session.audit().append(op.allowed(Map.of("link", id.toString(), "expiresAt", link.expiresAt().toString())));
        return new ShareLink(id, file, token, link.expiresAt());
      });
    });
  }

  /** See {@link io.stockage.Sharing#revokeLink}. */
  public void revoke(Subject subject, UUID id) {
    Operation op = Operation.mutation(ctx, "share-link-revoke", subject, "link " + id);
    op.run(() -> ctx.catalog().inTransaction(session -> {
      ShareLinkRecord link = session.links().find(id)
          .filter(l -> l.org().equals(subject.org()))
          .orElseThrow(() -> StockageException.notFound("no share link " + id));
      Lookups.item(op, session, link.item(), Permission.SHARE, false);
      session.links().revoke(id, ctx.clock().instant());
      session.audit().append(op.allowed(Map.of("link", id.toString())));
      return null;
    }));
  }

  /** See {@link io.stockage.Sharing#openLink(String)}. */
  public Content open(String token, Optional<ByteRange> range) {
    String hash = hash(token);
    Optional<ShareLinkRecord> found = ctx.catalog().read(session -> session.links().findByTokenHash(hash));
    if (found.isEmpty()) {
      LOG.debug("a share link token that names no link was presented (not audited: no organization)");
      throw StockageException.notFound(UNKNOWN);
    }
    ShareLinkRecord link = found.get();
    // Asked before the transaction: the directory may use the same connection pool.
    Set<TeamId> teams = Set.copyOf(ctx.directory().teamsOf(link.org(), link.createdBy()));
    Resolved resolved = ctx.catalog().inTransaction(session -> resolve(session, link, teams, range));
    if (resolved.opened().isEmpty()) {
      throw StockageException.notFound(UNKNOWN);
    }
    return resolved.opened().get().content(ctx, range);
  }

  /**
   * Decides on the link and audits the use, allowed or refused, in the file's organization. A
   * link opens while it is active, its file is live, and its creator still holds {@code SHARE}
   * on the file (with the organization permissions it held when it created the link).
   */
  private Resolved resolve(CatalogSession session, ShareLinkRecord link, Set<TeamId> teams,
      Optional<ByteRange> range) {
    Instant now = ctx.clock().instant();
    Optional<Item> item = session.items().find(link.item()).filter(i -> !i.isTrashed() && !i.isFolder());
    String problem = !link.isActive(now) ? (link.revokedAt().isPresent() ? "revoked" : "expired")
        : item.isEmpty() ? "item-trashed"
        : !creatorShares(session, link, teams, item.get()) ? "creator-lost-share" : "";
    if (!problem.isEmpty()) {
      OptionalLong unaudited = refusals.admit(link.id().toString());
      if (unaudited.isPresent()) {
        session.audit().append(audit(link, AuditOutcome.DENIED, Map.of("reason", problem,
            "unauditedBefore", Long.toString(unaudited.getAsLong())), now));
      }
      return new Resolved(Optional.empty());
    }
    RevisionRecord revision = Contents.revision(session, link.item(), item.get().revision());
    range.ifPresent(r -> r.resolve(revision.revision().size()));
    session.audit().append(audit(link, AuditOutcome.ALLOWED, Map.of("revision", item.get().version(),
        "range", range.map(ByteRange::toString).orElse("all")), now));
    return new Resolved(Optional.of(new Contents.Opened(item.get(), revision)));
  }

  private static boolean creatorShares(CatalogSession session, ShareLinkRecord link, Set<TeamId> teams, Item item) {
    Optional<io.stockage.Project> project = session.projects().find(item.project());
    return project.isPresent()
        && Authorizer.access(link.creator(), teams, item, project.get(), session).allows(Permission.SHARE);
  }

  /** A use of a link, audited with its creator as actor: {@code {"link": id, "via": "share-link"}} and more. */
  private static AuditRecord audit(ShareLinkRecord link, AuditOutcome outcome, Map<String, String> more, Instant at) {
    Map<String, String> details = new java.util.HashMap<>(more);
    details.put("link", link.id().toString());
    details.put("via", "share-link");
    return new AuditRecord(link.org(), link.createdBy(), "share-link-open", link.item().toString(), outcome, details, at);
  }

  /** The lower-case hex SHA-256 of the token's UTF-8 bytes: what the catalog keeps. */
  static String hash(String token) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw StockageException.of(ErrorKind.UNEXPECTED, "SHA-256 is not available", e);
    }
  }


  private record Resolved(Optional<Contents.Opened> opened) {}
}
