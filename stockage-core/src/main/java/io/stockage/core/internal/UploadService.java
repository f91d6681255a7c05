package io.stockage.core.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.stockage.ErrorKind;
import io.stockage.ItemId;
import io.stockage.Mount;
import io.stockage.MountRole;
import io.stockage.NewContent;
import io.stockage.NewUpload;
import io.stockage.Permission;
import io.stockage.PolicyReason;
import io.stockage.Project;
import io.stockage.StockageException;
import io.stockage.Subject;
import io.stockage.Upload;
import io.stockage.UploadChunk;
import io.stockage.UploadId;
import io.stockage.UploadSession;
import io.stockage.Uploads;
import io.stockage.spi.catalog.UploadRecords.Session;
import io.stockage.spi.storage.ObjectPage;
import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resumable uploads. A session assembles one staging object on its mount ({@link UploadAssembly}):
 * each append writes at the session's offset under an append lease (one append at a time on any
 * node, renewed while bytes arrive: an append whose client stalls loses the session after
 * {@link #LEASE}), then records the new offset. The node that takes the bytes also scans them (hash,
 * type, structure: {@link ContentScan}) and keeps the scan in memory between appends; completion
 * promotes the staging object through the plain pipeline with that scan, so no byte is read again.
 * When the scan is not there (another node took an append, or this one restarted) completion reads
 * the staging object once to scan it: cheaper than keeping a digest's state in the catalog after
 * every chunk (docs/architecture.md#resumable-uploads has the figures).
 */
public final class UploadService implements Uploads {
  private static final Logger LOG = LoggerFactory.getLogger(UploadService.class);
  /** How long one append holds the session. */
  static final Duration LEASE = Duration.ofSeconds(8);
  /** How often a flowing append renews its lease. */
  private static final Duration RENEW = Duration.ofSeconds(2);
  /** How long a completion holds the session. */
  private static final Duration COMPLETION = Duration.ofMinutes(10);
  /** S3's most parts in one upload. */
  private static final long MAX_PARTS = 10_000;
  static final String PREFIX = "uploads/";

  private final EngineContext ctx;
  private final ContentService contents;
  private final io.stockage.LiveMounts live;
  private final Options options;
  private final Cache<UploadId, ContentScan> scans;

  /**
   * Settings.
   *
   * @param sessionTtl how long a session lives
   * @param chunkSize the chunk size clients are told to use; the smallest part on an object store
   */
  public record Options(Duration sessionTtl, long chunkSize) {}

  /** Uploads over the engine's context, completed through its content pipeline. */
  public UploadService(EngineContext ctx, ContentService contents, io.stockage.LiveMounts live, Options options) {
    this.ctx = ctx;
    this.contents = contents;
    this.live = live;
    this.options = options;
    this.scans = Caffeine.newBuilder().maximumSize(10_000).expireAfterAccess(options.sessionTtl()).build();
  }

  @Override
  public UploadSession create(Subject subject, NewUpload upload) {
    Operation op = Operation.mutation(ctx, "create-upload", subject, upload.file().map(Object::toString)
        .or(() -> upload.mount().map(m -> m + ":" + upload.path().orElseThrow()))
        .orElseGet(() -> upload.location().orElseThrow().project() + "/" + upload.name().orElseThrow()));
    return op.run(() -> ctx.catalog().inTransaction(session -> {
      UploadStream.checkDeclared(upload.length(), ctx.policy());
      String mount;
      if (upload.file().isPresent()) {
        Lookups.Located file = Lookups.liveFile(op, session, upload.file().get(), Permission.CHANGE, false);
        LockGate.require(ctx, session, op, upload.file().get());
        NameRules.fileName(file.item().name(), ctx.policy());
        mount = file.item().mount();
        QuotaService.checkDeclared(upload.length(), QuotaService.room(session, file.item().org(), file.item().project()));
      } else if (upload.mount().isPresent()) {
        // Assembled on the default managed mount: on the live one it would show in its listings.
        LiveAccess.require(op, session, ctx, upload.mount().get(), MountRole.EDITOR);
        LivePaths.requireClean(upload.path().get());
        NameRules.fileName(LivePaths.name(LivePaths.normalize(upload.path().get())), ctx.policy());
        mount = ctx.defaultMount();
      } else {
        Lookups.InProject found = Lookups.projectOf(op, session, upload.location().get().project());
        Lookups.folder(op, session, found, upload.location().get().folder(), Permission.ADD);
        Project project = found.project();
        NameRules.fileName(upload.name().get(), ctx.policy());
        mount = project.mount();
        QuotaService.checkDeclared(upload.length(), QuotaService.room(session, project.org(), project.id(),
            found.limits()));
      }
      Mount target = ctx.mount(mount);
      boolean inParts = UploadAssembly.of(ctx, target) instanceof PartsAssembly;
      Instant now = ctx.clock().instant();
      Session row = new Session(UploadId.random(), subject.org(), subject.user(), mount, upload, 0, now,
          now.plus(options.sessionTtl()), false, Optional.empty(), Optional.empty(),
          inParts ? partSize(target, upload.length().orElse(ctx.policy().maxSize())) : 0);
      session.uploads().insert(row);
      session.audit().append(op.allowed(Map.of("upload", row.id().toString())));
      return view(row);
    }));
  }

  /**
   * The part size for an upload of {@code length} bytes on an object store: the chunk size, or more
   * when that would take over 10,000 parts (a fixed 5 MiB part caps an upload at 48.8 GiB), rounded
   * up to a MiB and within the provider's limits.
   */
  long partSize(Mount mount, long length) {
    io.stockage.Limits limits = mount.provider().capabilities().limits();
    long needed = Math.max(options.chunkSize(), (length + MAX_PARTS - 1) / MAX_PARTS);
    long mib = 1 << 20;
    long rounded = (needed + mib - 1) / mib * mib;
    return Math.min(Math.max(rounded, limits.minPartSize()), limits.maxPartSize());
  }

  @Override
  public UploadSession append(Subject subject, UploadId id, UploadChunk chunk) {
    Operation op = Operation.mutation(ctx, "append-upload", subject, id.toString());
    MessageDigest digest = chunk.checksumAlgorithm().map(UploadService::digest).orElse(null);
    try (InputStream in = digest == null ? chunk.content() : new DigestInputStream(chunk.content(), digest)) {
      return op.run(() -> {
        String token = UUID.randomUUID().toString();
        Leased leased = lease(subject, id, chunk.offset(), token, LEASE);
        Session s = leased.session();
        long quotaRoom = leased.quotaRoom();
        Mount mount = ctx.mount(s.mount());
        UploadAssembly assembly = UploadAssembly.of(ctx, mount);
        ContentScan scan = takeScan(s);
        long room = Math.min(ctx.policy().maxSize(), s.target().length().orElse(Long.MAX_VALUE)) - s.offset();
        boolean byLength = s.target().length().isPresent() && s.target().length().getAsLong() < ctx.policy().maxSize();
        ChunkStream bytes = new ChunkStream(in, new ChunkStream.Room(room, byLength,
            quotaRoom == Long.MAX_VALUE ? Long.MAX_VALUE : quotaRoom - s.offset()), scan, renewing(id, token));
        UploadAssembly.Appended appended;
        try {
          appended = assembly.append(s, bytes, chunk.length(), token);
        } catch (RuntimeException e) {
          // Only while the lease is still this append's: else the bytes there are another append's.
          if (renew(id, token)) {
            takeBack(assembly, s, new UploadAssembly.Appended(
                io.stockage.spi.catalog.UploadRecords.Progress.inPlace(s.offset(), s.offset()), List.of(), List.of()),
                true);
            release(id, token);
          }
          throw e;
        }
        long stored = appended.progress().to() - s.offset();
        boolean matches = digest == null || MessageDigest.isEqual(digest.digest(), chunk.checksum().orElseThrow());
        if (!matches || stored == 0) {
          takeBack(assembly, s, appended, renew(id, token));
          release(id, token);
          if (!matches) {
            // The scan took in the refused bytes: it is dropped, and completion reads the object instead.
            throw StockageException.policy(PolicyReason.CHECKSUM_MISMATCH, "the chunk's "
                + chunk.checksumAlgorithm().get() + " does not match its bytes: it was not stored");
          }
          keepScan(s.id(), scan);
          return view(s);
        }
        if (!ctx.catalog().inTransaction(session -> session.uploads().advance(id, token, appended.progress()))) {
          takeBack(assembly, s, appended, false);
          throw StockageException.of(ErrorKind.CONFLICT, "upload " + id + ": the append went " + LEASE.toSeconds()
              + " s without a byte and another took over; read the offset again");
        }
        appended.replaced().forEach(key -> deleteQuietly(mount, key));
        keepScan(s.id(), scan);
        return new UploadSession(s.id(), s.target(), appended.progress().to(), s.expiresAt(), false, Optional.empty());
      });
    } catch (IOException e) {
      throw StockageException.of(ErrorKind.UNEXPECTED, "closing the chunk failed: " + e, e);
    }
  }

  // The room left of the quotas of the session's project (a live mount's file has none).
  private static long quotaRoom(io.stockage.spi.catalog.CatalogSession session, Session s) {
    Optional<io.stockage.ProjectId> project = s.target().file().isPresent()
        ? session.items().find(s.target().file().get()).map(io.stockage.Item::project)
        : s.target().location().flatMap(l -> session.projects().find(s.org(), l.project())).map(Project::id);
    return project.map(p -> QuotaService.room(session, s.org(), p)).orElse(Long.MAX_VALUE);
  }

  // This node's scan of the session, when it has seen every byte so far; a new one at offset 0.
  private ContentScan takeScan(Session s) {
    ContentScan kept = scans.asMap().remove(s.id());
    if (kept != null && kept.count() == s.offset()) {
      return kept;
    }
    if (s.offset() > 0 || s.target().mount().isPresent()) {
      // Another node's bytes, or a live mount's file (scanned when it is written there).
      return null;
    }
    String name = s.target().name().orElseGet(() -> ctx.catalog().read(session ->
        session.items().find(s.target().file().orElseThrow())).map(io.stockage.Item::name).orElse(""));
    return new ContentScan(new ContentScan.UploadLimits(ctx.policy().maxSize(), s.target().length()),
        NameRules.extension(name), ctx.sniffer());
  }

  private void keepScan(UploadId id, ContentScan scan) {
    if (scan != null) {
      scans.put(id, scan);
    }
  }

  private void takeBack(UploadAssembly assembly, Session s, UploadAssembly.Appended appended, boolean holding) {
    try {
      assembly.discard(s, appended, holding);
    } catch (RuntimeException e) {
      LOG.warn("taking back an append to upload {} failed (the next append or the expiry does it): {}", s.id(),
          e.toString());
    }
  }

  @Override
  public UploadSession declareLength(Subject subject, UploadId id, long length) {
    Operation op = Operation.mutation(ctx, "declare-upload-length", subject, id.toString());
    return op.run(() -> ctx.catalog().inTransaction(session -> {
      Session s = owned(session.uploads().find(id, true), subject, id);
      if (s.target().length().isPresent()) {
        throw StockageException.of(ErrorKind.CONFLICT, "upload " + id + " has its length already");
      }
      if (length < s.offset()) {
        throw StockageException.of(ErrorKind.INVALID_ARGUMENT, "upload " + id + " holds " + s.offset()
            + " bytes already, more than " + length);
      }
      UploadStream.checkDeclared(OptionalLong.of(length), ctx.policy());
      session.uploads().declareLength(id, length);
      return view(owned(session.uploads().find(id, false), subject, id));
    }));
  }

  @Override
  public UploadSession status(Subject subject, UploadId id) {
    Operation op = Operation.query(ctx, "upload-status", subject, id.toString());
    return op.run(() -> ctx.catalog().read(session -> view(owned(session.uploads().find(id, false), subject, id))));
  }

  @Override
  public UploadSession complete(Subject subject, UploadId id) {
    Operation op = Operation.mutation(ctx, "complete-upload", subject, id.toString());
    return op.run(() -> {
      Session found = ctx.catalog().read(session -> owned(session.uploads().find(id, false), subject, id));
      if (found.completed()) {
        return view(found);
      }
      if (!view(found).full()) {
        throw StockageException.of(ErrorKind.CONFLICT, "upload " + id + " holds " + found.offset() + " of "
            + (found.target().length().isPresent() ? found.target().length().getAsLong() + " bytes"
            : "an undeclared length"));
      }
      String token = UUID.randomUUID().toString();
      Session s = lease(subject, id, found.offset(), token, COMPLETION).session();
      try {
        Optional<ItemId> item = promote(subject, s);
        ctx.catalog().inTransaction(session -> {
          session.uploads().completed(id, item, ctx.clock().instant());
          return null;
        });
        scans.invalidate(id);
        removeObjects(s);
        return new UploadSession(s.id(), s.target(), s.offset(), s.expiresAt(), true, item);
      } catch (RuntimeException e) {
        release(id, token);
        throw e;
      }
    });
  }

  // Makes the file from the staging object: the plain pipeline's steps, with the scan made while bytes came.
  private Optional<ItemId> promote(Subject subject, Session s) {
    Mount mount = ctx.mount(s.mount());
    String key = UploadAssembly.stagingKey(s);
    UploadAssembly.of(ctx, mount).finish(s);
    long length = s.offset();
    NewUpload target = s.target();
    ContentService.Stager staged = (to, extension, quotaRoom) -> {
      if (!to.name().equals(mount.name())) {
        throw StockageException.of(ErrorKind.CONFLICT, "upload " + s.id() + " was assembled on mount " + mount.name()
            + ", not on " + to.name());
      }
      QuotaService.checkDeclared(OptionalLong.of(length), quotaRoom);
      return Staged.of(mount, key, scanned(s, mount, key, extension));
    };
    if (target.mount().isPresent()) {
      try (InputStream content = mount.provider().read(key, Optional.empty()).stream()) {
        live.put(subject, io.stockage.EntryUpload.of(target.mount().get(), target.path().get(), content)
            .withDeclaredSize(length));
      } catch (IOException e) {
        throw StockageException.of(ErrorKind.UNEXPECTED, "closing the staging object failed: " + e, e);
      }
      return Optional.empty();
    }
    if (target.file().isPresent()) {
      return Optional.of(contents.write(subject, target.file().get(), NewContent.of(InputStream.nullInputStream())
          .withDeclaredSize(length), staged).id());
    }
    return Optional.of(contents.upload(subject, Upload.of(target.location().get(), target.name().get(),
        InputStream.nullInputStream()).withDeclaredSize(length), staged).id());
  }

  // The scan made while the bytes came, if this node saw them all under this extension; else one read now.
  private ContentScan.Result scanned(Session s, Mount mount, String key, String extension) {
    ContentScan kept = scans.getIfPresent(s.id());
    if (kept != null && kept.count() == s.offset() && kept.extension().equals(extension)) {
      return kept.finish();
    }
    ContentScan scan = new ContentScan(new ContentScan.UploadLimits(ctx.policy().maxSize(), OptionalLong.of(s.offset())),
        extension, ctx.sniffer());
    try (InputStream in = new UploadStream(mount.provider().read(key, Optional.empty()).stream(), scan)) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
    } catch (IOException e) {
      throw StockageException.of(ErrorKind.UNAVAILABLE, "reading the staging object failed: " + e, e);
    }
    return scan.finish();
  }

  @Override
  public void abort(Subject subject, UploadId id) {
    Operation op = Operation.mutation(ctx, "abort-upload", subject, id.toString());
    op.run(() -> {
      Session s = ctx.catalog().inTransaction(session -> {
        Session found = owned(session.uploads().find(id, true), subject, id);
        session.uploads().delete(id);
        session.audit().append(op.allowed(Map.of()));
        return found;
      });
      scans.invalidate(id);
      abandon(s);
      return null;
    });
  }

  /** Removes the sessions past their expiry and what they stored; returns how many. */
  public int expire() {
    List<Session> expired = ctx.catalog().read(session -> session.uploads().expired(ctx.clock().instant(), 1000));
    for (Session s : expired) {
      ctx.catalog().inTransaction(session -> {
        session.uploads().delete(s.id());
        return null;
      });
      scans.invalidate(s.id());
      abandon(s);
    }
    return expired.size();
  }

  private void abandon(Session s) {
    Mount mount = ctx.mounts().get(s.mount());
    if (mount == null) {
      return;
    }
    try {
      UploadAssembly.of(ctx, mount).abandon(s);
    } catch (RuntimeException e) {
      LOG.warn("abandoning upload {} failed (the reconciler aborts old multipart uploads): {}", s.id(), e.toString());
    }
    removeObjects(s);
  }

  // Every object under the session's prefix: its staging object, its pieces, and any an append left.
  private void removeObjects(Session s) {
    Mount mount = ctx.mounts().get(s.mount());
    if (mount == null) {
      return;
    }
    Optional<String> after = Optional.empty();
    do {
      ObjectPage page = mount.provider().list(PREFIX + s.id() + "/", after, 1000);
      page.objects().forEach(o -> deleteQuietly(mount, o.key()));
      after = page.next();
    } while (after.isPresent());
  }

  static void deleteQuietly(Mount mount, String key) {
    try {
      mount.provider().delete(key);
    } catch (RuntimeException e) {
      LOG.warn("removing upload object {} failed (the session's expiry tries again): {}", key, e.toString());
    }
  }

  private static MessageDigest digest(String algorithm) {
    try {
      return MessageDigest.getInstance(algorithm.equals("sha1") ? "SHA-1" : "SHA-256");
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A leased session, and the room left of its project's quotas then. */
  private record Leased(Session session, long quotaRoom) {}

  // The subject's session at the offset, leased with the token for the duration.
  private Leased lease(Subject subject, UploadId id, long offset, String token, Duration duration) {
    Instant now = ctx.clock().instant();
    return ctx.catalog().inTransaction(session -> {
      Session found = owned(session.uploads().find(id, true), subject, id);
      if (found.completed()) {
        throw StockageException.of(ErrorKind.CONFLICT, "upload " + id + " is completed");
      }
      if (found.offset() != offset) {
        throw StockageException.of(ErrorKind.CONFLICT, "upload " + id + " stands at offset " + found.offset()
            + ", not " + offset);
      }
      if (!session.uploads().lease(id, offset, token, now, now.plus(duration))) {
        throw StockageException.of(ErrorKind.CONFLICT, "another append to upload " + id + " is in progress");
      }
      return new Leased(found, quotaRoom(session, found));
    });
  }

  // Someone else's session, an expired one, or none: not found alike.
  private Session owned(Optional<Session> found, Subject subject, UploadId id) {
    Instant now = ctx.clock().instant();
    return found.filter(s -> s.org().equals(subject.org()) && s.owner().equals(subject.user()))
        .filter(s -> s.completed() || s.expiresAt().isAfter(now))
        .orElseThrow(() -> StockageException.notFound("no upload " + id));
  }

  private static UploadSession view(Session s) {
    return new UploadSession(s.id(), s.target(), s.offset(), s.expiresAt(), s.completed(), s.item());
  }

  private void release(UploadId id, String token) {
    ctx.catalog().inTransaction(session -> {
      session.uploads().release(id, token);
      return null;
    });
  }

  private boolean renew(UploadId id, String token) {
    Instant until = ctx.clock().instant().plus(LEASE);
    return ctx.catalog().inTransaction(session -> session.uploads().renew(id, token, until));
  }

  // Renews the append's lease on the engine's clock when a renewal is due; false once it is lost.
  private ChunkStream.Lease renewing(UploadId id, String token) {
    return new ChunkStream.Lease() {
      private Instant renewed = ctx.clock().instant();
      private boolean held = true;

      @Override
      public boolean keep() {
        Instant now = ctx.clock().instant();
        if (held && !now.isBefore(renewed.plus(RENEW))) {
          held = renew(id, token);
          renewed = now;
        }
        return held;
      }
    };
  }
}
