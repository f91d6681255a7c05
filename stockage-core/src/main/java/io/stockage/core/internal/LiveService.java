package io.stockage.core.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.stockage.ByteRange;
import io.stockage.Entry;
import io.stockage.EntryContent;
import io.stockage.ErrorKind;
import io.stockage.Mount;
import io.stockage.MountMember;
import io.stockage.MountRole;
import io.stockage.Page;
import io.stockage.PageRequest;
import io.stockage.Principal;
import io.stockage.StockageException;
import io.stockage.Subject;
import io.stockage.spi.catalog.PageCursor;
import io.stockage.spi.storage.DirectoryEntry;
import io.stockage.spi.storage.ObjectContent;
import io.stockage.spi.storage.WriteOptions;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Live mounts: the backend (an SMB share, a folder) is the source of truth. Entries are listed
 * from it — through a short-lived cache, so a change made directly on the backend shows up once
 * the cache entry expires — and addressed by (mount, path). No history: a write replaces the file,
 * and an entry's version is a hash of its modification time and size.
 */
public final class LiveService implements io.stockage.LiveMounts {
  private final java.util.function.Consumer<String> touched;
  private final EngineContext ctx;
  private final Cache<String, List<DirectoryEntry>> listings;

  /** A service over the engine's context, caching listings for {@code ttl}. */
  public LiveService(EngineContext ctx, Duration ttl, java.util.function.Consumer<String> touched) {
    this.ctx = ctx;
    this.touched = touched;
    // Expiry follows the engine's clock, so that tests move time instead of waiting it out.
    this.listings = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(10_000)
        .ticker(() -> {
          java.time.Instant now = ctx.clock().instant();
          return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        })
        .build();
  }

  @Override
  public Page<Entry> list(Subject subject, String mountName, String rawPath, PageRequest page) {
    LivePaths.requireClean(rawPath);
    Operation op = Operation.query(ctx, "list", subject, mountName + ":" + rawPath);
    return op.run(() -> {
      Mount mount = require(op, mountName, MountRole.VIEWER);
      String path = LivePaths.normalize(rawPath);
      // Keyset over the cached listing: the entries after the cursor's (kind, name).
      Comparator<DirectoryEntry> order = Comparator.comparing((DirectoryEntry e) -> !e.directory())
          .thenComparing(DirectoryEntry::name);
      Optional<DirectoryEntry> after = PageCursor.of(page, 2)
          .map(c -> new DirectoryEntry(c.get(1), !Boolean.parseBoolean(c.get(0)), 0, java.time.Instant.EPOCH));
      List<Entry> rows = listing(mount, path).stream()
          .filter(e -> after.isEmpty() || order.compare(e, after.get()) > 0)
          .sorted(order).limit(page.size() + 1L)
          .map(e -> LiveEntries.of(mount.name(), path, e)).toList();
      return PageCursor.page(rows, page, e -> PageCursor.of(Boolean.toString(!e.directory()), e.name()));
    });
  }

  @Override
  public io.stockage.EntrySearch search(Subject subject, io.stockage.EntryQuery query) {
    String mountName = query.mount();
    String rawPath = query.path();
    String text = query.text();
    int maxResults = query.maxResults();
    LivePaths.requireClean(rawPath);
    Operation op = Operation.query(ctx, "search", subject, mountName + ":" + rawPath);
    return op.run(() -> {
      Mount mount = require(op, mountName, MountRole.VIEWER);
      if (text.isBlank() || maxResults < 1 || maxResults > 1000) {
        throw StockageException.of(ErrorKind.INVALID_ARGUMENT, "search a non-blank text for 1 to 1000 results");
      }
      return new LiveSearch(mount, text, maxResults, this::listing).walk(LivePaths.normalize(rawPath));
    });
  }

  @Override
  public Entry entry(Subject subject, String mountName, String rawPath) {
    LivePaths.requireClean(rawPath);
    Operation op = Operation.query(ctx, "stat", subject, mountName + ":" + rawPath);
    return op.run(() -> find(require(op, mountName, MountRole.VIEWER), LivePaths.normalize(rawPath)));
  }

  @Override
  public EntryContent open(Subject subject, String mountName, String rawPath) {
    return open(subject, mountName, rawPath, Optional.empty());
  }

  @Override
  public EntryContent open(Subject subject, String mountName, String rawPath, ByteRange range) {
    return open(subject, mountName, rawPath, Optional.of(range));
  }

  private EntryContent open(Subject subject, String mountName, String rawPath, Optional<ByteRange> range) {
    LivePaths.requireClean(rawPath);
    Operation op = Operation.query(ctx, "download", subject, mountName + ":" + rawPath);
    return op.run(() -> {
      Mount mount = require(op, mountName, MountRole.VIEWER);
      String path = LivePaths.normalize(rawPath);
      ObjectContent object = mount.provider().read(path, range);
      try {
        audit(op, Map.of("range", range.map(ByteRange::toString).orElse("all")));
      } catch (RuntimeException e) {
        // No audit row, no download: and the backend's stream is not left open.
        closeQuietly(object, e);
        throw e;
      }
      Entry entry = LiveEntries.of(mount.name(), LivePaths.parent(path), new DirectoryEntry(LivePaths.name(path), false,
          object.info().size(), object.info().lastModified()));
      return new EntryContent(entry, object.slice(), object.stream());
    });
  }

  @Override
  public Entry put(Subject subject, io.stockage.EntryUpload upload) {
    String mountName = upload.mount();
    String rawPath = upload.path();
    InputStream content = upload.content();
    OptionalLong declared = upload.declaredSize();
    LivePaths.requireClean(rawPath);
    Operation op = Operation.mutation(ctx, "upload", subject, mountName + ":" + rawPath);
    try (InputStream in = content) {
      return op.run(() -> {
        Mount mount = require(op, mountName, MountRole.EDITOR);
        String path = LivePaths.normalize(rawPath);
        unlocked(op, mountName, path);
        String name = NameRules.fileName(LivePaths.name(path), ctx.policy());
        UploadStream checked = UploadStream.of(ctx, in, declared, NameRules.extension(name));
        WriteOptions options = declared.isPresent() ? WriteOptions.defaults().withLength(declared.getAsLong())
            : WriteOptions.defaults();
        mount.provider().write(path, checked, options);
        checked.requireEnd();
        forget(mount, path);
        audit(op, Map.of("size", Long.toString(checked.size()), "sha256", checked.result().sha256()));
        return find(mount, path);
      });
    } catch (IOException e) {
      throw StockageException.of(ErrorKind.UNEXPECTED, "closing the upload stream failed: " + e, e);
    }
  }

  @Override
  public Entry move(Subject subject, String mountName, String rawFrom, String rawTo) {
    LivePaths.requireClean(rawFrom);
    LivePaths.requireClean(rawTo);
    Operation op = Operation.mutation(ctx, "rename", subject, mountName + ":" + rawFrom);
    return op.run(() -> {
      Mount mount = require(op, mountName, MountRole.EDITOR);
      String from = LivePaths.normalize(rawFrom);
      String to = LivePaths.normalize(rawTo);
      unlocked(op, mountName, from);
      unlocked(op, mountName, to);
      if (find(mount, from).directory()) {
        throw StockageException.of(ErrorKind.INVALID_ARGUMENT, "renaming a directory of a live mount is not supported yet");
      }
      String name = NameRules.fileName(LivePaths.name(to), ctx.policy());
      if (!NameRules.extension(name).equals(NameRules.extension(LivePaths.name(from)))) {
        throw StockageException.policy(io.stockage.PolicyReason.CONTENT_MISMATCH, "a file keeps its extension");
      }
      mount.provider().move(from, to);
      forget(mount, from);
      forget(mount, to);
      audit(op, Map.of("to", to));
      return find(mount, to);
    });
  }

  @Override
  public void delete(Subject subject, String mountName, String rawPath) {
    LivePaths.requireClean(rawPath);
    Operation op = Operation.mutation(ctx, "delete", subject, mountName + ":" + rawPath);
    op.run(() -> {
      Mount mount = require(op, mountName, MountRole.EDITOR);
      String path = LivePaths.normalize(rawPath);
      if (path.isEmpty()) {
        throw StockageException.of(ErrorKind.INVALID_ARGUMENT, "the root of a live mount cannot be deleted");
      }
      unlocked(op, mountName, path);
      Entry entry = find(mount, path);
      if (entry.directory()) {
        mount.provider().deleteDirectory(path);
        listings.invalidateAll();
        touched.accept(mount.name());
      } else {
        mount.provider().delete(path);
        forget(mount, path);
      }
      audit(op, Map.of("directory", Boolean.toString(entry.directory())));
      return null;
    });
  }

  @Override
  public Entry makeDirectory(Subject subject, String mountName, String rawPath) {
    LivePaths.requireClean(rawPath);
    Operation op = Operation.mutation(ctx, "create-directory", subject, mountName + ":" + rawPath);
    return op.run(() -> {
      Mount mount = require(op, mountName, MountRole.EDITOR);
      String path = LivePaths.normalize(rawPath);
      mount.provider().createDirectory(path);
      forget(mount, path);
      audit(op, Map.of());
      return find(mount, path);
    });
  }

  @Override
  public MountMember grant(Subject subject, String mountName, Principal principal, MountRole role) {
    Operation op = Operation.mutation(ctx, "grant", subject, mountName);
    return op.run(() -> ctx.catalog().inTransaction(session -> {
      Mount mount = LiveAccess.require(op, session, ctx, mountName, MountRole.MANAGER);
      session.projects().ensureOrganization(subject.org(), ctx.clock().instant());
      MountMember member = session.mounts().put(mount.name(), subject.org(), principal, role, ctx.clock().instant());
      session.audit().append(op.allowed(Map.of("principal", principal.kind() + ":" + principal.value(), "role", role.name())));
      return member;
    }));
  }

  @Override
  public void revoke(Subject subject, String mountName, Principal principal) {
    Operation op = Operation.mutation(ctx, "revoke", subject, mountName);
    op.run(() -> ctx.catalog().inTransaction(session -> {
      Mount mount = LiveAccess.require(op, session, ctx, mountName, MountRole.MANAGER);
      session.mounts().remove(mount.name(), subject.org(), principal);
      session.audit().append(op.allowed(Map.of("principal", principal.kind() + ":" + principal.value())));
      return null;
    }));
  }

  /** Whether the subject may see the mount in the mount list. */
  @Override
  public MountRole role(Subject subject, String mountName) {
    Operation op = Operation.query(ctx, "mount-role", subject, mountName);
    return op.run(() -> ctx.catalog().read(session -> {
      Mount mount = LiveAccess.require(op, session, ctx, mountName, MountRole.VIEWER);
      return LiveAccess.role(op, session, mount).orElseThrow();
    }));
  }

  public boolean visible(Subject subject, Mount mount) {
    Operation op = Operation.query(ctx, "list-mounts", subject, mount.name());
    return ctx.catalog().read(session -> LiveAccess.role(op, session, mount).isPresent());
  }

  // A live mount's writes are the backend's, outside any catalog transaction: the lock is read just before.
  private void unlocked(Operation op, String mountName, String path) {
    ctx.catalog().read(session -> {
      LockGate.require(ctx, session, op, io.stockage.LockTarget.entry(mountName, path));
      return null;
    });
  }

  private Mount require(Operation op, String mountName, MountRole needed) {
    return ctx.catalog().read(session -> LiveAccess.require(op, session, ctx, mountName, needed));
  }

  private List<DirectoryEntry> listing(Mount mount, String path) {
    return listings.get(mount.name() + "\u0000" + path, key -> mount.provider().listDirectory(path));
  }

  /** The entry at the path, read from the backend (not the cache). */
  private Entry find(Mount mount, String path) {
    if (path.isEmpty()) {
      return LiveEntries.root(mount.name());
    }
    String name = LivePaths.name(path);
    return mount.provider().listDirectory(LivePaths.parent(path)).stream()
        .filter(e -> e.name().equals(name)).findFirst()
        .map(e -> LiveEntries.of(mount.name(), LivePaths.parent(path), e))
        .orElseThrow(() -> StockageException.notFound("no entry " + path + " on mount " + mount.name()));
  }

  /** Our own changes show at once; only changes made behind our back wait for the cache to expire. */
  // After a write: the cached listings go, and the mount's watcher scans it for the change feed.
  private void forget(Mount mount, String path) {
    listings.invalidate(mount.name() + "\u0000" + LivePaths.parent(path));
    listings.invalidate(mount.name() + "\u0000" + path);
    touched.accept(mount.name());
  }

  private void audit(Operation op, Map<String, String> details) {
    ctx.catalog().inTransaction(session -> {
      session.projects().ensureOrganization(op.subject().org(), ctx.clock().instant());
      session.audit().append(op.allowed(details));
      return null;
    });
  }

  private static void closeQuietly(ObjectContent object, RuntimeException cause) {
    try {
      object.close();
    } catch (RuntimeException e) {
      cause.addSuppressed(e);
    }
  }
}
