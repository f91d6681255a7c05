package io.stockage.core.internal;

import io.stockage.ChangeKind;
import io.stockage.ErrorKind;
import io.stockage.Item;
import io.stockage.ItemId;
import io.stockage.ItemType;
import io.stockage.Location;
import io.stockage.Page;
import io.stockage.PageRequest;
import io.stockage.Permission;
import io.stockage.Project;
import io.stockage.Revision;
import io.stockage.StockageException;
import io.stockage.Subject;
import io.stockage.spi.catalog.CatalogSession;
import io.stockage.spi.catalog.RevisionRecord;
import io.stockage.spi.catalog.Visibility;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/** The tree of a project: folders, metadata, listing, rename, move, copy, trash and purge. */
public final class TreeService {
  private final EngineContext ctx;

  /** A service over the engine's context. */
  public TreeService(EngineContext ctx) {
    this.ctx = ctx;
  }

  /** See {@link io.stockage.Files#createFolder}. */
  public Item createFolder(Subject subject, Location location, String rawName) {
    String slug = location.project();
    Optional<ItemId> parent = location.folder();
    Operation op = Operation.mutation(ctx, "create-folder", subject, slug + ":" + rawName);
    return op.run(() -> {
      String name = NameRules.normalize(rawName);
      return ctx.catalog().inTransaction(session -> {
        Project project = Lookups.project(op, session, slug, Permission.VIEW);
        Lookups.folder(op, session, project, parent, Permission.ADD);
        Instant now = ctx.clock().instant();
        Item folder = new Item(ItemId.random(), project.org(), project.id(), parent, ItemType.FOLDER, name,
            project.mount(), 0, Item.FOLDER_TYPE, "", 0, subject.user(), false, Set.of(), Map.of(), now, now,
            Optional.empty());
        op.target(folder.id().toString());
        session.items().insert(folder);
        Journal.item(op, session, folder, ChangeKind.ADDED, now, Map.of("name", name));
        return folder;
      });
    });
  }

  /** See {@link io.stockage.Files#stat}. */
  public Item stat(Subject subject, ItemId id) {
    Operation op = Operation.query(ctx, "stat", subject, id.toString());
    return op.run(() -> ctx.catalog().read(session -> Lookups.item(op, session, id, Permission.VIEW, false).item()));
  }

  /** See {@link io.stockage.Files#list}. */
  public Page<Item> list(Subject subject, Location location, io.stockage.ListOrder order, PageRequest page) {
    String slug = location.project();
    Optional<ItemId> folder = location.folder();
    Operation op = Operation.query(ctx, "list", subject, slug);
    return op.run(() -> ctx.catalog().read(session -> {
      Lookups.InProject project = Lookups.projectOf(op, session, slug);
      boolean everything = Lookups.folder(op, session, project, folder, Permission.VIEW);
      // Else the catalog filters: regular items when the organization lets the subject view them,
      // its own items, and those with an entry for it or one of its teams.
      Visibility visibility = everything ? Visibility.everything(subject.user())
          : new Visibility(false, AccessRules.organizationPermissions(subject).contains(Permission.VIEW),
              subject.user(), op.teams());
      return session.items().children(project.project().id(), folder, visibility, order, page);
    }));
  }

  /** See {@link io.stockage.Files#trashed}. */
  public Page<Item> trashed(Subject subject, String slug, PageRequest page) {
    Operation op = Operation.query(ctx, "list-trash", subject, slug);
    return op.run(() -> ctx.catalog().read(session -> {
      Project project = Lookups.project(op, session, slug, Permission.DELETE);
      return session.items().trashed(project.id(), page);
    }));
  }

  /** See {@link io.stockage.Files#rename}. */
  public Item rename(Subject subject, ItemId id, String newName) {
    Operation op = Operation.mutation(ctx, "rename", subject, id.toString());
    return op.run(() -> ctx.catalog().inTransaction(session -> {
      Item item = Lookups.liveItem(op, session, id, Permission.CHANGE, true).item();
      LockGate.require(ctx, session, op, id);
      String name = NameRules.newName(item, newName, ctx.policy());
      Instant now = ctx.clock().instant();
      Item renamed = item.withName(name, now);
      session.items().update(renamed);
      Journal.item(op, session, renamed, ChangeKind.RENAMED, now, Map.of("from", item.name(), "to", name));
      return renamed;
    }));
  }

  /** See {@link io.stockage.Files#move}. */
  public Item move(Subject subject, ItemId id, Location target) {
    Optional<ItemId> folder = target.folder();
    Operation op = Operation.mutation(ctx, "move", subject, id.toString());
    Item result = op.run(() -> ctx.catalog().inTransaction(session -> {
      Lookups.Located located = Lookups.liveItem(op, session, id, Permission.CHANGE, true);
      LockGate.require(ctx, session, op, id);
      Item item = located.item();
      Lookups.sameProject(located.project(), target);
      Lookups.folder(op, session, located.project(), folder, Permission.ADD);
      if (folder.isPresent() && item.isFolder() && session.items().isSelfOrDescendant(folder.get(), id)) {
        throw StockageException.of(ErrorKind.INVALID_ARGUMENT, "a folder cannot move into itself");
      }
      // Entries above the target apply to the item once there: whoever gains by that must gain it
      // from someone who holds SHARE on the item (and on what a folder holds).
      if (Subtrees.moveWidens(session, item, folder)) {
        if (!located.access().allows(Permission.SHARE)) {
          throw op.deny(ErrorKind.PERMISSION_DENIED, subject.user() + " may not move item " + id
              + " there: the access of the target folder would reach it (needs SHARE)");
        }
        Subtrees.requireBelow(op, session, located, Permission.SHARE);
      }
      Instant now = ctx.clock().instant();
      Item moved = folder.map(f -> item.withParent(f, now)).orElseGet(() -> item.atRoot(now));
      session.items().update(moved);
      Journal.moved(op, session, moved, item.parent(), now, Map.of("to", folder.map(ItemId::toString).orElse("/")));
      return moved;
    }));
    // Entries on the folders above it apply to it: its access changed with its place.
    ctx.accessCache().invalidate();
    return result;
  }

  /** See {@link io.stockage.Files#copy}. */
  public Item copy(Subject subject, ItemId id, Location target, String newName) {
    Optional<ItemId> folder = target.folder();
    Operation op = Operation.mutation(ctx, "copy", subject, id.toString());
    return op.run(() -> {
      ItemId copyId = ItemId.random();
      Optional<io.stockage.spi.catalog.BlobIntent> intent = nativeCopyIntent(op, id, folder, newName, copyId);
      return ctx.catalog().inTransaction(session -> {
        intent.ifPresent(i -> session.blobs().fulfil(i.id()));
        Lookups.Located source = Lookups.liveFile(op, session, id, Permission.VIEW, false);
        Item item = source.item();
        String name = NameRules.newName(item, newName, ctx.policy());
        Lookups.sameProject(source.project(), target);
        Lookups.folder(op, session, source.project(), folder, Permission.ADD);
        RevisionRecord current = source.revision();
        Instant now = ctx.clock().instant();
        Item copy = new Item(copyId, item.org(), item.project(), folder, ItemType.FILE, name, item.mount(),
            item.size(), item.mimeType(), item.sha256(), 1, subject.user(), item.vault(), item.tags(), item.customFields(),
            now, now, Optional.empty());
        // On a natively versioned mount the copy's key is written first: a name taken fails the insert
        // after it, and the reconciler removes that version under the copy's intent.
        RevisionRecord stored = storeCopy(session, current, copy, now);
        Revision first = new Revision(copy.id(), 1, copy.size(), copy.sha256(), copy.mimeType(), subject.user(), now,
            Optional.empty(), OptionalInt.empty());
        session.items().insert(copy, new RevisionRecord(first, stored.blobId(), stored.blobKey(), stored.versionId()));
        Journal.item(op, session, copy, ChangeKind.ADDED, now, Map.of("copyOf", id.toString()));
        return copy;
      });
    });
  }

  /**
   * On a natively versioned mount a copy writes its own key inside its transaction, so the key is
   * recorded first, for the reconciler, once the copy is authorized. Engines without such a mount
   * skip this (and its read): a copy there only references the source's blob.
   */
  private Optional<io.stockage.spi.catalog.BlobIntent> nativeCopyIntent(Operation op, ItemId id, Optional<ItemId> folder,
      String newName, ItemId copyId) {
    if (ctx.mounts().values().stream().noneMatch(m -> m.versioning() == io.stockage.VersioningMode.NATIVE)) {
      return Optional.empty();
    }
    Item original = ctx.catalog().read(session -> {
      Lookups.Located source = Lookups.liveFile(op, session, id, Permission.VIEW, false);
      NameRules.newName(source.item(), newName, ctx.policy());
      Lookups.folder(op, session, source.project(), folder, Permission.ADD);
      return source.item();
    });
    if (ctx.mount(original.mount()).versioning() != io.stockage.VersioningMode.NATIVE) {
      return Optional.empty();
    }
    return Optional.of(ctx.catalog().inTransaction(session -> session.blobs().intend(original.mount(),
        BlobKeys.item(BlobKeys.Space.of(original), copyId), ctx.clock().instant())));
  }

  /**
   * Where a copy's first revision lives: the same content-addressed blob (one more reference), or,
   * on a natively versioned mount, a first version of the copy's own key, written from the
   * source's version.
   */
  private RevisionRecord storeCopy(CatalogSession session, RevisionRecord source, Item copy, Instant now) {
    if (source.versionId().isEmpty()) {
      session.blobs().reference(source.blobId());
      return source;
    }
    io.stockage.Mount mount = ctx.mount(copy.mount());
    String key = BlobKeys.item(BlobKeys.Space.of(copy), copy.id());
    io.stockage.spi.catalog.BlobRecord blob = session.blobs().insertIfAbsent(mount.name(), key, copy.sha256(), copy.size(), now)
        .orElseThrow(() -> StockageException.of(ErrorKind.UNEXPECTED, "a new item's key is taken: " + key));
    try (io.stockage.spi.storage.ObjectContent content = Contents.open(mount, source, Optional.empty())) {
      io.stockage.spi.storage.ObjectInfo written = mount.provider().write(key, content.stream(),
          io.stockage.spi.storage.WriteOptions.defaults().withLength(content.slice().length()));
      session.blobs().reference(blob.id());
      return new RevisionRecord(source.revision(), blob.id(), key, written.versionId());
    }
  }

  /** See {@link io.stockage.Files#trash}. */
  public Item delete(Subject subject, ItemId id) {
    Operation op = Operation.mutation(ctx, "delete", subject, id.toString());
    return op.run(() -> ctx.catalog().inTransaction(session -> {
      Lookups.Located located = Lookups.liveItem(op, session, id, Permission.DELETE, true);
      LockGate.require(ctx, session, op, id);
      Subtrees.requireBelow(op, session, located, Permission.DELETE);
      Item item = located.item();
      Instant now = ctx.clock().instant();
      int count = session.items().trash(id, now);
      Journal.item(op, session, item, ChangeKind.TRASHED, now, Map.of("items", Integer.toString(count)));
      return session.items().find(id).orElseThrow();
    }));
  }

  /** See {@link io.stockage.Files#restore}. */
  public Item restore(Subject subject, ItemId id) {
    Operation op = Operation.mutation(ctx, "restore", subject, id.toString());
    return op.run(() -> ctx.catalog().inTransaction(session -> {
      Lookups.Located located = Lookups.item(op, session, id, Permission.DELETE, true);
      Item item = located.item();
      if (!item.isTrashed()) {
        throw StockageException.of(ErrorKind.CONFLICT, "item " + id + " is not in the trash");
      }
      Subtrees.requireBelow(op, session, located, Permission.DELETE);
      Optional<Item> parent = item.parent().flatMap(p -> session.items().find(p));
      if (parent.isPresent() && parent.get().isTrashed()) {
        throw StockageException.of(ErrorKind.CONFLICT, "the folder of item " + id + " is in the trash: restore it first");
      }
      Instant now = ctx.clock().instant();
      int count = session.items().untrash(id, now);
      if (count == 0) {
        throw StockageException.of(ErrorKind.CONFLICT, "item " + id + " went to the trash with its folder: restore the folder");
      }
      Item restored = session.items().find(id).orElseThrow();
      Journal.item(op, session, restored, ChangeKind.RESTORED, now, Map.of("items", Integer.toString(count)));
      return restored;
    }));
  }

  /** See {@link io.stockage.Files#purge}. */
  public void purge(Subject subject, ItemId id) {
    Operation op = Operation.mutation(ctx, "purge", subject, id.toString());
    op.run(() -> ctx.catalog().inTransaction(session -> {
      Lookups.Located located = Lookups.item(op, session, id, Permission.DELETE, true);
      Item item = located.item();
      if (!item.isTrashed()) {
        throw StockageException.of(ErrorKind.CONFLICT, "item " + id + " is not in the trash: delete it first");
      }
      LockGate.require(ctx, session, op, id);
      Subtrees.requireBelow(op, session, located, Permission.DELETE);
      Instant now = ctx.clock().instant();
      Journal.purging(op, session, item, now);
      List<Long> blobs = session.items().purge(id);
      blobs.forEach(blob -> session.blobs().release(blob, now));
      session.audit().append(op.allowed(Map.of("purged", "true", "revisions", Integer.toString(blobs.size()))));
      return null;
    }));
    ctx.accessCache().invalidate();
  }


}
