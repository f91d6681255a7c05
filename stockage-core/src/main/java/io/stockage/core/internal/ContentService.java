package io.stockage.core.internal;

import io.stockage.Access;
import io.stockage.ByteRange;
import io.stockage.ChangeKind;
import io.stockage.Content;
import io.stockage.ErrorKind;
import io.stockage.Item;
import io.stockage.ItemId;
import io.stockage.ItemType;
import io.stockage.Mount;
import io.stockage.NewContent;
import io.stockage.OnExistingName;
import io.stockage.Permission;
import io.stockage.Project;
import io.stockage.Revision;
import io.stockage.StockageException;
import io.stockage.Subject;
import io.stockage.Upload;
import io.stockage.spi.catalog.CatalogSession;
import io.stockage.spi.catalog.QuotaRecords;
import io.stockage.spi.catalog.RevisionRecord;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Uploads, new revisions and downloads: the pipeline of DESIGN §3, authorize → validate →
 * stream once to staging → promote → one catalog transaction → after commit.
 */
public final class ContentService {
  private final EngineContext ctx;

  /** A service over the engine's context. */
  public ContentService(EngineContext ctx) {
    this.ctx = ctx;
  }

  /** See {@link io.stockage.Files#upload}. */
  public Item upload(Subject subject, Upload upload) {
    try (InputStream in = upload.content()) {
      return upload(subject, upload, (mount, extension, room) -> Staged.stream(ctx, mount, in, upload.declaredSize(),
          extension, room));
    } catch (IOException e) {
      throw StockageException.of(ErrorKind.UNEXPECTED, "closing the upload stream failed: " + e, e);
    }
  }

  /**
   * An upload whose content {@code stager} stages on the target's mount once the target is known
   * (the pipeline's step 3): the content of {@code upload} itself, or a resumable upload's assembled
   * object; the steps around it are the same.
   */
  public Item upload(Subject subject, Upload upload, Stager stager) {
    Operation op = Operation.mutation(ctx, "upload", subject, upload.location().project() + ":" + upload.name());
    return op.run(() -> {
      String name = NameRules.fileName(upload.name(), ctx.policy());
      UploadStream.checkDeclared(upload.declaredSize(), ctx.policy());
      // The checks the commit repeats: no snapshot needed, nor a transaction's round trips.
      Planned planned = ctx.catalog().autocommit(session -> {
        Target found = target(op, session, upload, name);
        return new Planned(found, QuotaService.room(session, found.project().org(), found.project().id(),
            found.limits()));
      });
      Target target = planned.target();
      Mount mount = ctx.mount(target.project().mount());
      Staged staged = stager.stage(mount, NameRules.extension(name), planned.room());
      ItemId id = target.existing().orElseGet(ItemId::random);
      return commit(staged, new BlobKeys.Space(target.project().org(), upload.vault()), id,
          session -> target.existing().isPresent()
          ? appendRevision(op, session, target.existing().get(), OptionalInt.empty(), staged)
          : insertFile(op, session, new NewFile(id, inFolder(op, session, upload, Permission.ADD),
              upload.location().folder(), name, upload.vault()), staged));
    });
  }

  /** See {@link io.stockage.Files#write}. */
  public Item write(Subject subject, ItemId id, NewContent content) {
    try (InputStream in = content.content()) {
      return write(subject, id, content, (mount, extension, room) -> Staged.stream(ctx, mount, in,
          content.declaredSize(), extension, room));
    } catch (IOException e) {
      throw StockageException.of(ErrorKind.UNEXPECTED, "closing the upload stream failed: " + e, e);
    }
  }

  /** A new revision whose content {@code stager} stages, as for {@link #upload(Subject, Upload, Stager)}. */
  public Item write(Subject subject, ItemId id, NewContent content, Stager stager) {
    Operation op = Operation.mutation(ctx, "write", subject, id.toString());
    return op.run(() -> {
      UploadStream.checkDeclared(content.declaredSize(), ctx.policy());
      Revisable found = ctx.catalog().autocommit(session -> {
        Item item = Lookups.liveFile(op, session, id, Permission.CHANGE, false).item();
        LockGate.require(ctx, session, op, id);
        checkExpected(item, content.expectedRevision());
        return new Revisable(item, QuotaService.room(session, item.org(), item.project()));
      });
      Item before = found.item();
      String name = NameRules.fileName(before.name(), ctx.policy());
      Staged staged = stager.stage(ctx.mount(before.mount()), NameRules.extension(name), found.room());
      return commit(staged, BlobKeys.Space.of(before), id,
          session -> appendRevision(op, session, id, content.expectedRevision(), staged));
    });
  }

  /** Stages an upload's content on the mount it goes to (step 3 of the pipeline). */
  @FunctionalInterface
  public interface Stager {
    /**
     * The content, staged on {@code mount} and checked against the file name's {@code extension} and
     * the {@code quotaRoom} left (bytes) of the storage quotas.
     */
    Staged stage(Mount mount, String extension, long quotaRoom);
  }

  private record Revisable(Item item, long room) {}

  /** See {@link io.stockage.Files#open}. */
  public Content open(Subject subject, ItemId id, Optional<ByteRange> range) {
    Operation op = Operation.query(ctx, "download", subject, id.toString());
    return op.run(() -> {
      // Reads, then one audit row that stands alone: no transaction around them (READ COMMITTED
      // gave each statement its own snapshot anyway), so no COMMIT's round trip.
      Contents.Opened opened = ctx.catalog().autocommit(session -> {
        Lookups.Located file = Lookups.liveFile(op, session, id, Permission.VIEW, false);
        Item item = file.item();
        ByteRange.Slice slice = range.map(r -> r.resolve(item.size())).orElse(ByteRange.Slice.whole(item.size()));
        RevisionRecord revision = file.revision();
        session.audit().append(op.allowed(Map.of("revision", item.version(),
            "range", range.map(ByteRange::toString).orElse("all"))));
        return new Contents.Opened(item, revision);
      });
      return opened.content(ctx, range);
    });
  }

  /**
   * Where an upload goes: a new file (needs {@code ADD} on the folder), or, when the name exists
   * and the engine makes such uploads new revisions, the next revision of that file (needs
   * {@code CHANGE} on it).
   */
  private Target target(Operation op, CatalogSession session, Upload upload, String name) {
    Lookups.InProject inProject = project(op, session, upload);
    Project project = inProject.project();
    Optional<Item> existing = session.items().findChild(project.id(), upload.location().folder(), name);
    Permission onFolder = existing.isEmpty() ? Permission.ADD : Permission.VIEW;
    Lookups.folder(op, session, inProject, upload.location().folder(), onFolder);
    if (existing.isEmpty()) {
      return new Target(project, Optional.empty(), inProject.limits());
    }
    Item taken = existing.get();
    boolean revisable = !taken.isFolder() && taken.vault() == upload.vault()
        && ctx.onExistingName() != OnExistingName.FAIL;
    // Not a file this upload may revise, or one the subject cannot see: say so, without naming it.
    Access access = Optional.of(taken).filter(t -> revisable)
        .map(t -> Authorizer.access(op.subject(), op.teams(), t, project, session))
        .filter(a -> a.allows(Permission.VIEW))
        .orElseThrow(() -> StockageException.of(ErrorKind.ALREADY_EXISTS, "an item named " + name
            + " already exists there"));
    Authorizer.require(op, access.permissions(), Permission.CHANGE, "item " + taken.id());
    LockGate.require(ctx, session, op, taken.id());
    return new Target(project, Optional.of(taken.id()), inProject.limits());
  }

  /**
   * The upload's project, once the subject is found to hold {@code onFolder} on the target folder
   * (the project's root when none is named) — the checks of a new file, which the commit repeats
   * without looking the name up again: a name taken meanwhile fails the item's insert
   * ({@code ALREADY_EXISTS}).
   */
  private static Lookups.InProject inFolder(Operation op, CatalogSession session, Upload upload, Permission onFolder) {
    Lookups.InProject inProject = project(op, session, upload);
    Lookups.folder(op, session, inProject, upload.location().folder(), onFolder);
    return inProject;
  }

  // The upload's project, which the subject must see.
  private static Lookups.InProject project(Operation op, CatalogSession session, Upload upload) {
    Lookups.InProject inProject = Lookups.projectOf(op, session, upload.location().project());
    Authorizer.require(op, inProject.on().permissions(), Permission.VIEW, "project " + inProject.project().slug());
    return inProject;
  }

  /**
   * Records the intent of the staged content, then runs the transaction that records it; when it
   * fails, what its promotion added is undone, and in every case no staging object is left.
   */
  private Item commit(Staged staged, BlobKeys.Space namespace, ItemId item,
      java.util.function.Function<CatalogSession, Item> work) {
    try {
      staged.intend(ctx.catalog(), namespace, item, ctx.clock().instant());
      return ctx.catalog().inTransaction(work);
    } catch (RuntimeException e) {
      staged.undoPromotion();
      throw e;
    } finally {
      staged.cleanUp();
    }
  }

  private Item insertFile(Operation op, CatalogSession session, NewFile file, Staged staged) {
    Instant now = ctx.clock().instant();
    ItemId id = file.id();
    op.target(id.toString());
    Project project = file.in().project();
    Staged.Promoted blob = staged.promote(session, new BlobKeys.Space(project.org(), file.vault()), id, now);
    Item item = new Item(id, project.org(), project.id(), file.folder(), ItemType.FILE,
        file.name(), project.mount(), staged.size(), staged.mimeType(), staged.sha256(), 1,
        op.subject().user(), file.vault(), Set.of(), Map.of(), now, now, Optional.empty());
    session.items().insert(item, revision(op, item, blob, now));
    Journal.item(op, session, item, ChangeKind.ADDED, now, changeDetails(item));
    QuotaService.enforce(session, item.org(), item.project(), file.in().limits());
    return item;
  }

  private Item appendRevision(Operation op, CatalogSession session, ItemId id, OptionalInt expected, Staged staged) {
    Item current = Lookups.liveFile(op, session, id, Permission.CHANGE, true).item();
    LockGate.require(ctx, session, op, id);
    checkExpected(current, expected);
    Instant now = ctx.clock().instant();
    Staged.Promoted blob = staged.promote(session, BlobKeys.Space.of(current), current.id(), now);
    Item next = current.withRevision(new Revision(current.id(), current.revision() + 1, staged.size(),
        staged.sha256(), staged.mimeType(), op.subject().user(), now, Optional.empty(), OptionalInt.empty()));
    session.items().update(next);
    session.revisions().insert(revision(op, next, blob, now));
    Journal.item(op, session, next, ChangeKind.UPDATED, now, changeDetails(next));
    QuotaService.enforce(session, next.org(), next.project());
    return next;
  }

  // The item's current revision, its content the stored blob.
  private static RevisionRecord revision(Operation op, Item item, Staged.Promoted stored, Instant now) {
    Revision revision = new Revision(item.id(), item.revision(), item.size(), item.sha256(), item.mimeType(),
        op.subject().user(), now, Optional.empty(), OptionalInt.empty());
    return new RevisionRecord(revision, stored.blob().id(), stored.blob().key(), stored.versionId());
  }

  private static Map<String, String> changeDetails(Item item) {
    return Map.of("revision", item.version(), "size", Long.toString(item.size()), "sha256", item.sha256());
  }

  private static void checkExpected(Item item, OptionalInt expected) {
    if (expected.isPresent() && expected.getAsInt() != item.revision()) {
      throw StockageException.of(ErrorKind.CONFLICT, "item " + item.id() + " is at revision " + item.revision()
          + ", not " + expected.getAsInt());
    }
  }

  private record Target(Project project, Optional<ItemId> existing, QuotaRecords.Limits limits) {}

  private record Planned(Target target, long room) {}

  private record NewFile(ItemId id, Lookups.InProject in, Optional<ItemId> folder, String name, boolean vault) {}

}
