package io.stockage.core.internal;

import io.stockage.ByteRange;
import io.stockage.ChangeKind;
import io.stockage.Content;
import io.stockage.Diff;
import io.stockage.ErrorKind;
import io.stockage.Item;
import io.stockage.ItemId;
import io.stockage.Mount;
import io.stockage.Page;
import io.stockage.PageRequest;
import io.stockage.Permission;
import io.stockage.Revision;
import io.stockage.StockageException;
import io.stockage.Subject;
import io.stockage.core.internal.diff.DiffLimits;
import io.stockage.core.internal.diff.RevisionDiffer;
import io.stockage.core.internal.diff.Side;
import io.stockage.spi.catalog.CatalogSession;
import io.stockage.spi.catalog.RevisionRecord;
import io.stockage.spi.storage.ObjectContent;
import io.stockage.spi.storage.ObjectInfo;
import io.stockage.spi.storage.WriteOptions;
import java.text.Normalizer;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The history of files: list, read, restore, delete and comment revisions. History is never
 * rewritten: a restore appends a revision that shares the restored one's stored content.
 */
public final class RevisionService implements io.stockage.Revisions {
  private static final int MAX_COMMENT = 1000;

  private final EngineContext ctx;
  private final RevisionDiffer differ = RevisionDiffer.create(DiffLimits.defaults());
  /**
   * Diffs running at once: each may hold 8 MiB of text per side, PDFBox's scratch and a CPU for up
   * to its timeout, so a burst of them queues here instead of taking the node down.
   */
  private final Gate diffs = new Gate(Math.max(2, Runtime.getRuntime().availableProcessors()),
      java.time.Duration.ofSeconds(5), "too many diffs are running: try again shortly");

  /** A service over the engine's context. */
  public RevisionService(EngineContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Page<Revision> list(Subject subject, ItemId id, PageRequest page) {
    Operation op = Operation.query(ctx, "list-revisions", subject, id.toString());
    return op.run(() -> ctx.catalog().read(session -> {
      file(op, session, id, Permission.VIEW, false);
      Page<RevisionRecord> records = session.revisions().list(id, page);
      return new Page<>(records.items().stream().map(RevisionRecord::revision).toList(), page, records.nextCursor());
    }));
  }

  @Override
  public Content open(Subject subject, ItemId id, int number) {
    return open(subject, id, number, Optional.empty());
  }

  @Override
  public Content open(Subject subject, ItemId id, int number, ByteRange range) {
    return open(subject, id, number, Optional.of(range));
  }

  private Content open(Subject subject, ItemId id, int number, Optional<ByteRange> range) {
    Operation op = Operation.query(ctx, "download", subject, id.toString());
    return op.run(() -> {
      // As a download of the current revision: reads and an audit row, without a transaction.
      Contents.Opened opened = ctx.catalog().autocommit(session -> {
        Item item = file(op, session, id, Permission.VIEW, false);
        RevisionRecord revision = Contents.revision(session, id, number);
        range.ifPresent(r -> r.resolve(revision.revision().size()));
        session.audit().append(op.allowed(Map.of("revision", Integer.toString(number),
            "range", range.map(ByteRange::toString).orElse("all"))));
        return new Contents.Opened(item, revision);
      });
      return opened.content(ctx, range);
    });
  }

  @Override
  public Optional<byte[]> thumbnail(Subject subject, ItemId id, int number) {
    Operation op = Operation.query(ctx, "thumbnail", subject, id.toString());
    return op.run(() -> ctx.catalog().read(session -> {
      file(op, session, id, Permission.VIEW, false);
      Contents.revision(session, id, number);
      return session.revisions().thumbnail(id, number);
    }));
  }

  @Override
  public Item restore(Subject subject, ItemId id, int number) {
    Operation op = Operation.mutation(ctx, "restore-revision", subject, id.toString());
    return op.run(() -> ctx.catalog().inTransaction(session -> {
      Item current = Lookups.liveFile(op, session, id, Permission.CHANGE, true).item();
      LockGate.require(ctx, session, op, id);
      RevisionRecord source = Contents.revision(session, id, number);
      Revision old = source.revision();
      Instant now = ctx.clock().instant();
      Item next = current.withRevision(new Revision(current.id(), current.revision() + 1, old.size(), old.sha256(),
          old.mimeType(), op.subject().user(), now, Optional.empty(), OptionalInt.empty()));
      Optional<String> version = copyVersion(ctx.mount(current.mount()), source);
      session.blobs().reference(source.blobId());
      session.items().update(next);
      Revision restored = new Revision(id, next.revision(), old.size(), old.sha256(), old.mimeType(),
          subject.user(), now, Optional.empty(), OptionalInt.of(number));
      session.revisions().insert(new RevisionRecord(restored, source.blobId(), source.blobKey(), version));
      Journal.item(op, session, next, ChangeKind.UPDATED, now, Map.of("revision", next.version(), "restoredFrom", Integer.toString(number)));
      return next;
    }));
  }

  /**
   * On a natively versioned mount, writes a revision's content again as the newest version of the
   * item's key (the backend's current object must be the current revision); content-addressed
   * revisions just share the blob.
   */
  static Optional<String> copyVersion(Mount mount, RevisionRecord source) {
    if (source.versionId().isEmpty()) {
      return Optional.empty();
    }
    try (ObjectContent old = Contents.open(mount, source, Optional.empty())) {
      ObjectInfo stored = mount.provider().write(source.blobKey(), old.stream(),
          WriteOptions.defaults().withLength(old.slice().length()));
      return Optional.of(stored.versionId().orElseThrow(() -> StockageException.of(ErrorKind.UNEXPECTED,
          "mount " + mount.name() + " is versioned natively but its provider returned no version id")));
    }
  }

  @Override
  public void delete(Subject subject, ItemId id, int number) {
    Operation op = Operation.mutation(ctx, "delete-revision", subject, id.toString());
    op.run(() -> {
      Contents.Opened deleted = ctx.catalog().inTransaction(session -> {
        // ADMIN of the file: SHARE and DELETE.
        Lookups.Located located = Lookups.item(op, session, id, Permission.SHARE, true);
        Item item = file(located);
        Authorizer.require(op, located.access().permissions(), Permission.DELETE, "item " + id);
        if (number == item.revision()) {
          throw StockageException.of(ErrorKind.CONFLICT, "revision " + number + " is the current revision of item " + id);
        }
        RevisionRecord doomed = Contents.revision(session, id, number);
        session.revisions().delete(id, number);
        Instant now = ctx.clock().instant();
        session.blobs().release(doomed.blobId(), now);
        Journal.item(op, session, item, ChangeKind.UPDATED, now, Map.of("deletedRevision", Integer.toString(number)));
        return new Contents.Opened(item, doomed);
      });
      // After commit: a native version goes with its revision; a content-addressed blob waits
      // for the reconciler, as other revisions may share it.
      Contents.deleteVersion(ctx.mount(deleted.item().mount()), deleted.revision());
      return null;
    });
  }

  @Override
  public Revision comment(Subject subject, ItemId id, int number, String comment) {
    Operation op = Operation.mutation(ctx, "comment-revision", subject, id.toString());
    return op.run(() -> ctx.catalog().inTransaction(session -> {
      file(op, session, id, Permission.CHANGE, true);
      String text = Normalizer.normalize(comment.strip(), Normalizer.Form.NFC);
      if (text.length() > MAX_COMMENT || !Texts.storable(text)) {
        throw StockageException.of(ErrorKind.INVALID_ARGUMENT, "a comment is at most " + MAX_COMMENT
            + " characters, without NUL or unpaired surrogates");
      }
      if (!session.revisions().comment(id, number, text.isEmpty() ? Optional.empty() : Optional.of(text))) {
        throw StockageException.notFound("no revision " + number + " of item " + id);
      }
      session.audit().append(op.allowed(Map.of("revision", Integer.toString(number))));
      return Contents.revision(session, id, number).revision();
    }));
  }

  @Override
  public Diff diff(Subject subject, ItemId id, int from, int to) {
    Operation op = Operation.query(ctx, "diff", subject, id.toString());
    return op.run(() -> {
      Compared compared = ctx.catalog().inTransaction(session -> {
        Item item = file(op, session, id, Permission.VIEW, false);
        Compared pair = new Compared(item, Contents.revision(session, id, from), Contents.revision(session, id, to));
        session.audit().append(op.allowed(Map.of("from", Integer.toString(from), "to", Integer.toString(to))));
        return pair;
      });
      Mount mount = ctx.mount(compared.item().mount());
      return diffs.run(() -> differ.diff(id, side(mount, compared.from()), side(mount, compared.to())));
    });
  }

  private static Side side(Mount mount, RevisionRecord record) {
    Revision r = record.revision();
    return new Side(r.number(), r.mimeType(), r.size(), r.sha256(),
        () -> Contents.open(mount, record, Optional.empty()).stream());
  }

  /** The file with the permission required; its revisions are visible while it is in the trash. */
  static Item file(Operation op, CatalogSession session, ItemId id, Permission needed, boolean lock) {
    return file(Lookups.item(op, session, id, needed, lock));
  }

  private static Item file(Lookups.Located located) {
    if (located.item().isFolder()) {
      throw StockageException.of(ErrorKind.INVALID_ARGUMENT, "item " + located.item().id()
          + " is a folder: it has no revisions");
    }
    return located.item();
  }

  private record Compared(Item item, RevisionRecord from, RevisionRecord to) {}
}
