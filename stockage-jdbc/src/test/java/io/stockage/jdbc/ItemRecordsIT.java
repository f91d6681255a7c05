package io.stockage.jdbc;

import static io.stockage.jdbc.TestData.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.stockage.ErrorKind;
import io.stockage.Item;
import io.stockage.ItemId;
import io.stockage.Page;
import io.stockage.PageRequest;
import io.stockage.Project;
import io.stockage.StockageException;
import io.stockage.spi.catalog.BlobRecord;
import io.stockage.spi.catalog.CatalogSession;
import io.stockage.spi.catalog.RevisionRecord;
import io.stockage.spi.catalog.Visibility;
import io.stockage.testkit.PostgresExtension;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ItemRecordsIT {
  private static final Visibility ALL = Visibility.everything(io.stockage.UserId.of("tester"));
  @RegisterExtension
  static final PostgresExtension POSTGRES = new PostgresExtension();

  private static JdbcCatalog catalog;

  @BeforeAll
  static void createCatalog() {
    catalog = JdbcCatalog.create(POSTGRES.database().dataSource());
  }

  @AfterAll
  static void closeCatalog() {
    catalog.close();
  }

  @Test
  void findWithAccess_isWhatTheSeparateReadsGive_inOneRead() {
    Project project = TestData.newProject(catalog, "standing");
    Item folder = TestData.folder(project, Optional.empty(), "docs");
    Item sub = TestData.folder(project, Optional.of(folder.id()), "plans");
    Item file = TestData.file(project, Optional.of(sub.id()), "plan.pdf");
    TestData.insert(catalog, folder, sub, file);
    io.stockage.UserId alice = io.stockage.UserId.of("alice");
    io.stockage.TeamId site = io.stockage.TeamId.of("site");
    java.time.Instant at = java.time.Instant.parse("2026-12-07T10:15:30.123456Z");
    catalog.inTransaction((CatalogSession s) -> {
      s.projects().putMember(project.id(), alice, io.stockage.ProjectRole.VIEWER, at);
      s.projects().putTeam(project.id(), site, io.stockage.ProjectRole.EDITOR, at);
      s.projects().putMember(project.id(), io.stockage.UserId.of("bob"), io.stockage.ProjectRole.ADMIN, at);
      for (var entry : java.util.List.of(
          new io.stockage.AccessEntry(file.id(), alice, io.stockage.ProjectRole.EDITOR,
              io.stockage.UserId.of("bob"), at),
          new io.stockage.AccessEntry(folder.id(), site, io.stockage.ProjectRole.ADMIN,
              io.stockage.UserId.of("bob"), at.plusSeconds(1)),
          new io.stockage.AccessEntry(sub.id(), io.stockage.UserId.of("carol"),
              io.stockage.ProjectRole.ADMIN, io.stockage.UserId.of("bob"), at))) {
        s.acl().grant(entry);
      }
      return null;
    });
    java.util.Set<io.stockage.TeamId> teams = java.util.Set.of(site);

    for (boolean lock : new boolean[] {false, true}) {
      io.stockage.spi.catalog.ItemStanding found = catalog.inTransaction((CatalogSession s) ->
          s.items().findWithAccess(file.id(), alice, teams, lock)).orElseThrow();
      assertThat(found.item()).isEqualTo(file);
      assertThat(found.project()).isEqualTo(project);
      assertThat(found.memberships()).isEqualTo(catalog.read((CatalogSession s) ->
          s.projects().memberships(project.id(), alice, teams))).hasSize(2);
      assertThat(found.entries()).as("the file's entry, then its folders' that name alice or her team")
          .isEqualTo(catalog.read((CatalogSession s) -> s.acl().applicable(file.id(), alice, teams))).hasSize(2);
    }
    io.stockage.spi.catalog.ItemStanding stranger = catalog.read((CatalogSession s) ->
        s.items().findWithAccess(folder.id(), io.stockage.UserId.of("dan"), java.util.Set.of(), false)).orElseThrow();
    assertThat(stranger.item()).isEqualTo(folder);
    assertThat(stranger.memberships()).isEmpty();
    assertThat(stranger.entries()).isEmpty();
    assertThat(catalog.read((CatalogSession s) -> s.items().findWithAccess(io.stockage.ItemId.random(), alice, teams,
        false))).isEmpty();
  }

  @Test
  void findWithAccess_readsAFilesCurrentRevisionAndItsBlobKey_noneForAFolder() {
    Project project = TestData.newProject(catalog, "current");
    Item folder = TestData.folder(project, Optional.empty(), "docs");
    Item file = TestData.file(project, Optional.of(folder.id()), "plan.pdf");
    TestData.insert(catalog, folder, file);
    io.stockage.Revision second = TestData.revision(file.id(), 2);
    catalog.inTransaction((CatalogSession s) -> {
      for (io.stockage.Revision revision : java.util.List.of(TestData.revision(file.id(), 1), second)) {
        io.stockage.spi.catalog.BlobRecord blob = s.blobs().insertIfAbsent(TestData.MOUNT,
            "current/" + revision.number() + "/" + java.util.UUID.randomUUID(), "ef".repeat(32), 3, TestData.T0)
            .orElseThrow();
        s.revisions().insert(new io.stockage.spi.catalog.RevisionRecord(revision, blob.id(), blob.key()));
      }
      s.items().update(file.withRevision(second));
      return null;
    });

    io.stockage.spi.catalog.RevisionRecord current = catalog.read((CatalogSession s) ->
        s.items().findWithAccess(file.id(), io.stockage.UserId.of("dan"), java.util.Set.of(), false))
        .orElseThrow().current().orElseThrow();
    assertThat(current).isEqualTo(catalog.read((CatalogSession s) -> s.revisions().find(file.id(), 2)).orElseThrow());
    assertThat(current.blobKey()).startsWith("current/2/");
    assertThat(catalog.inTransaction((CatalogSession s) -> s.items().findWithAccess(folder.id(),
        io.stockage.UserId.of("dan"), java.util.Set.of(), true)).orElseThrow().current()).as("locked, a folder").isEmpty();
  }

  @Test
  void insert_newItem_isFoundAsInserted() {
    Project project = TestData.newProject(catalog, "find");
    Item folder = TestData.folder(project, Optional.empty(), "docs");
    Item file = TestData.file(project, Optional.of(folder.id()), "plan.pdf");
    TestData.insert(catalog, folder, file);

    assertThat(catalog.read((CatalogSession s) -> s.items().find(file.id()))).contains(file);
    assertThat(catalog.inTransaction((CatalogSession s) -> s.items().findForUpdate(folder.id()))).contains(folder);
    assertThat(catalog.read((CatalogSession s) -> s.items().findChild(project.id(), Optional.of(folder.id()), "plan.pdf")))
        .contains(file);
    assertThat(catalog.read((CatalogSession s) -> s.items().findChild(project.id(), Optional.empty(), "docs"))).contains(folder);
    assertThat(catalog.read((CatalogSession s) -> s.items().findChild(project.id(), Optional.empty(), "plan.pdf"))).isEmpty();
  }

  @Test
  void insert_nameTakenAtRoot_failsAlreadyExistsAndTransactionGoesOn() {
    Project project = TestData.newProject(catalog, "root-clash");
    TestData.insert(catalog, TestData.file(project, Optional.empty(), "a.pdf"));
    Item other = TestData.file(project, Optional.empty(), "b.pdf");

    StockageException e = catalog.inTransaction(s -> {
      StockageException failure = catchThrowableOfType(StockageException.class,
          () -> s.items().insert(TestData.folder(project, Optional.empty(), "a.pdf")));
      s.items().insert(other);
      return failure;
    });

    assertThat(e.kind()).isEqualTo(ErrorKind.ALREADY_EXISTS);
    assertThat(e.detail()).isEqualTo("an item named \"a.pdf\" already exists in this folder");
    assertThat(catalog.read((CatalogSession s) -> s.items().find(other.id()))).isPresent();
  }

  @Test
  void insertWithRevision_writesBoth_orNeitherWhenTheNameIsTaken() {
    Project project = TestData.newProject(catalog, "with-revision");
    BlobRecord blob = newBlob();
    Item file = TestData.file(project, Optional.empty(), "a.pdf");
    RevisionRecord first = new RevisionRecord(TestData.revision(file.id(), 1), blob.id(), blob.key());
    catalog.inTransaction(s -> {
      s.items().insert(file, first);
      return file;
    });
    assertThat(catalog.read((CatalogSession s) -> s.items().find(file.id()))).contains(file);
    assertThat(catalog.read((CatalogSession s) -> s.revisions().find(file.id(), 1))).contains(first);

    Item clash = TestData.file(project, Optional.empty(), "a.pdf");
    Item other = TestData.file(project, Optional.empty(), "b.pdf");
    StockageException e = catalog.inTransaction(s -> {
      StockageException failure = catchThrowableOfType(StockageException.class, () -> s.items().insert(clash,
          new RevisionRecord(TestData.revision(clash.id(), 1), blob.id(), blob.key())));
      s.items().insert(other, new RevisionRecord(TestData.revision(other.id(), 1), blob.id(), blob.key()));
      return failure;
    });
    assertThat(e.kind()).isEqualTo(ErrorKind.ALREADY_EXISTS);
    assertThat(e.detail()).isEqualTo("an item named \"a.pdf\" already exists in this folder");
    assertThat(catalog.read((CatalogSession s) -> s.revisions().find(clash.id(), 1))).isEmpty();
    assertThat(catalog.read((CatalogSession s) -> s.revisions().find(other.id(), 1))).as("the transaction went on")
        .isPresent();
  }

  @Test
  void insertWithRevision_whoseBlobDoesNotHoldTheKey_isUnexpected_andInsertsNothing() {
    Project project = TestData.newProject(catalog, "wrong-key");
    BlobRecord blob = newBlob();
    Item file = TestData.file(project, Optional.empty(), "a.pdf");

    StockageException e = catchThrowableOfType(StockageException.class, () -> catalog.inTransaction(s -> {
      s.items().insert(file, new RevisionRecord(TestData.revision(file.id(), 1), blob.id(), "blobs/elsewhere"));
      return file;
    }));

    assertThat(e.kind()).isEqualTo(ErrorKind.UNEXPECTED);
    assertThat(catalog.read((CatalogSession s) -> s.items().find(file.id()))).isEmpty();
  }

  @Test
  void insert_nameTakenInFolder_failsAlreadyExistsButOtherFolderIsFine() {
    Project project = TestData.newProject(catalog, "folder-clash");
    Item one = TestData.folder(project, Optional.empty(), "one");
    Item two = TestData.folder(project, Optional.empty(), "two");
    TestData.insert(catalog, one, two, TestData.file(project, Optional.of(one.id()), "x.pdf"));

    TestData.insert(catalog, TestData.file(project, Optional.of(two.id()), "x.pdf"));
    TestData.insert(catalog, TestData.file(project, Optional.empty(), "x.pdf"));

    assertThatThrownBy(() -> TestData.insert(catalog, TestData.file(project, Optional.of(one.id()), "x.pdf")))
        .isInstanceOfSatisfying(StockageException.class,
            e -> assertThat(e.kind()).isEqualTo(ErrorKind.ALREADY_EXISTS));
  }

  @Test
  void insert_nameOfTrashedSibling_succeeds() {
    Project project = TestData.newProject(catalog, "reuse");
    Item old = TestData.file(project, Optional.empty(), "a.pdf");
    TestData.insert(catalog, old);
    catalog.inTransaction(s -> s.items().trash(old.id(), TestData.later()));

    Item again = TestData.file(project, Optional.empty(), "a.pdf");
    TestData.insert(catalog, again);

    assertThat(catalog.read((CatalogSession s) -> s.items().findChild(project.id(), Optional.empty(), "a.pdf")))
        .map(Item::id).contains(again.id());
  }

  @Test
  void children_morePagesThanOne_foldersFirstThenByNameWithHasNext() {
    Project project = TestData.newProject(catalog, "children");
    Item parent = TestData.folder(project, Optional.empty(), "parent");
    Optional<ItemId> in = Optional.of(parent.id());
    TestData.insert(catalog, parent, TestData.file(project, in, "b.pdf"), TestData.folder(project, in, "z"),
        TestData.file(project, in, "A.pdf"), TestData.folder(project, in, "m"), TestData.file(project, in, "a.pdf"));
    Item trashed = TestData.file(project, in, "0-trashed.pdf");
    TestData.insert(catalog, trashed);
    catalog.inTransaction(s -> s.items().trash(trashed.id(), T0));

    Page<Item> first = catalog.read(s -> s.items().children(project.id(), in, ALL, io.stockage.ListOrder.NAME, PageRequest.first(3)));
    Page<Item> second = catalog.read(s -> s.items().children(project.id(), in, ALL, io.stockage.ListOrder.NAME, first.next().orElseThrow()));
    Page<Item> root = catalog.read(s -> s.items().children(project.id(), Optional.empty(), ALL, io.stockage.ListOrder.NAME, PageRequest.first(3)));

    assertThat(first.items()).extracting(Item::name).containsExactly("m", "z", "A.pdf");
    assertThat(first.hasNext()).isTrue();
    assertThat(second.items()).extracting(Item::name).containsExactly("a.pdf", "b.pdf");
    assertThat(second.hasNext()).isFalse();
    assertThat(root.items()).extracting(Item::name).containsExactly("parent");
  }

  @Test
  void update_renameAndNewRevision_isWritten() {
    Project project = TestData.newProject(catalog, "update");
    Item file = TestData.file(project, Optional.empty(), "a.pdf");
    TestData.insert(catalog, file);
    Instant at = TestData.later();
    Item changed = new Item(file.id(), file.org(), file.project(), Optional.empty(), file.type(), "b.pdf",
        file.mount(), 9, "image/png", "ef".repeat(32), 2, file.owner(), false, file.tags(), file.customFields(),
        file.createdAt(), at,
        Optional.empty());

    catalog.inTransaction(s -> {
      s.items().update(changed);
      return changed;
    });

    assertThat(catalog.read((CatalogSession s) -> s.items().find(file.id()))).contains(changed);
  }

  @Test
  void update_nameTaken_failsAlreadyExistsAndTransactionGoesOn() {
    Project project = TestData.newProject(catalog, "rename-clash");
    Item a = TestData.file(project, Optional.empty(), "a.pdf");
    Item b = TestData.file(project, Optional.empty(), "b.pdf");
    TestData.insert(catalog, a, b);
    Item renamed = renamed(b, "a.pdf");

    StockageException e = catalog.inTransaction(s -> {
      StockageException failure = catchThrowableOfType(StockageException.class, () -> s.items().update(renamed));
      s.items().update(renamed(b, "c.pdf"));
      return failure;
    });

    assertThat(e.kind()).isEqualTo(ErrorKind.ALREADY_EXISTS);
    assertThat(e.detail()).contains("\"a.pdf\"");
    assertThat(catalog.read((CatalogSession s) -> s.items().find(b.id()))).map(Item::name).contains("c.pdf");
  }

  @Test
  void update_missingItem_failsNotFound() {
    Project project = TestData.newProject(catalog, "update-missing");
    Item ghost = TestData.file(project, Optional.empty(), "ghost.pdf");

    assertThatThrownBy(() -> catalog.inTransaction(s -> {
      s.items().update(ghost);
      return ghost;
    })).isInstanceOfSatisfying(StockageException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.NOT_FOUND));
  }

  @Test
  void trash_folderTree_trashesLiveDescendantsAndUntrashBringsThemBack() {
    Project project = TestData.newProject(catalog, "trash");
    Item top = TestData.folder(project, Optional.empty(), "top");
    Item sub = TestData.folder(project, Optional.of(top.id()), "sub");
    Item deep = TestData.file(project, Optional.of(sub.id()), "deep.pdf");
    Item earlier = TestData.file(project, Optional.of(top.id()), "earlier.pdf");
    TestData.insert(catalog, top, sub, deep, earlier);
    Instant before = TestData.later();
    Instant at = TestData.later();
    Instant back = TestData.later();
    catalog.inTransaction(s -> s.items().trash(earlier.id(), before));

    int trashed = catalog.inTransaction(s -> s.items().trash(top.id(), at));

    assertThat(trashed).isEqualTo(3);
    assertThat(catalog.read((CatalogSession s) -> s.items().find(deep.id()))).map(Item::deletedAt).contains(Optional.of(at));
    assertThat(catalog.read((CatalogSession s) -> s.items().find(earlier.id()))).map(Item::deletedAt).contains(Optional.of(before));
    assertThat(catalog.read((CatalogSession s) -> s.items().children(project.id(), Optional.empty(), ALL, io.stockage.ListOrder.NAME, PageRequest.first(10)).items()))
        .isEmpty();

    int restored = catalog.inTransaction(s -> s.items().untrash(top.id(), back));

    assertThat(restored).isEqualTo(3);
    assertThat(catalog.read((CatalogSession s) -> s.items().find(deep.id()))).hasValueSatisfying(item -> {
      assertThat(item.deletedAt()).isEmpty();
      assertThat(item.updatedAt()).isEqualTo(back);
    });
    assertThat(catalog.read((CatalogSession s) -> s.items().find(earlier.id()))).map(Item::isTrashed).contains(true);
  }

  @Test
  void untrash_nameTakenMeanwhile_failsAlreadyExistsNamingIt() {
    Project project = TestData.newProject(catalog, "untrash-clash");
    Item old = TestData.file(project, Optional.empty(), "report, final.pdf");
    TestData.insert(catalog, old);
    catalog.inTransaction(s -> s.items().trash(old.id(), T0));
    TestData.insert(catalog, TestData.file(project, Optional.empty(), "report, final.pdf"));

    assertThatThrownBy(() -> catalog.inTransaction(s -> s.items().untrash(old.id(), T0)))
        .isInstanceOfSatisfying(StockageException.class, e -> {
          assertThat(e.kind()).isEqualTo(ErrorKind.ALREADY_EXISTS);
          assertThat(e.detail()).isEqualTo("an item named \"report, final.pdf\" already exists in this folder");
        });
  }

  @Test
  void isSelfOrDescendant_treeOfThree_answersForEachPair() {
    Project project = TestData.newProject(catalog, "descendant");
    Item top = TestData.folder(project, Optional.empty(), "top");
    Item sub = TestData.folder(project, Optional.of(top.id()), "sub");
    Item other = TestData.folder(project, Optional.empty(), "other");
    TestData.insert(catalog, top, sub, other);

    assertThat(catalog.read((CatalogSession s) -> s.items().isSelfOrDescendant(sub.id(), top.id()))).isTrue();
    assertThat(catalog.read((CatalogSession s) -> s.items().isSelfOrDescendant(top.id(), top.id()))).isTrue();
    assertThat(catalog.read((CatalogSession s) -> s.items().isSelfOrDescendant(top.id(), sub.id()))).isFalse();
    assertThat(catalog.read((CatalogSession s) -> s.items().isSelfOrDescendant(other.id(), top.id()))).isFalse();
  }

  @Test
  void purge_folderWithRevisions_returnsBlobIdsAndDeletesAll() {
    Project project = TestData.newProject(catalog, "purge");
    Item top = TestData.folder(project, Optional.empty(), "top");
    Item a = TestData.file(project, Optional.of(top.id()), "a.pdf");
    Item b = TestData.file(project, Optional.of(top.id()), "b.pdf");
    Item kept = TestData.file(project, Optional.empty(), "kept.pdf");
    TestData.insert(catalog, top, a, b, kept);
    BlobRecord blob1 = newBlob();
    BlobRecord blob2 = newBlob();
    addRevision(a, 1, blob1);
    addRevision(a, 2, blob2);
    addRevision(b, 1, blob1);
    addRevision(kept, 1, blob2);
    catalog.inTransaction(s -> s.items().trash(top.id(), T0));

    List<Long> freed = catalog.inTransaction(s -> s.items().purge(top.id()));

    assertThat(freed).containsExactlyInAnyOrder(blob1.id(), blob2.id(), blob1.id());
    assertThat(catalog.read((CatalogSession s) -> s.items().find(a.id()))).isEmpty();
    assertThat(catalog.read((CatalogSession s) -> s.items().find(top.id()))).isEmpty();
    assertThat(catalog.read((CatalogSession s) -> s.revisions().find(a.id(), 1))).isEmpty();
    assertThat(catalog.read((CatalogSession s) -> s.revisions().find(kept.id(), 1))).isPresent();
  }

  private static Item renamed(Item item, String name) {
    return new Item(item.id(), item.org(), item.project(), item.parent(), item.type(), name, item.mount(),
        item.size(), item.mimeType(), item.sha256(), item.revision(), item.owner(), item.vault(), item.tags(),
        item.customFields(), item.createdAt(), item.updatedAt(), item.deletedAt());
  }

  private static BlobRecord newBlob() {
    String key = "blobs/" + ItemId.random();
    return catalog.inTransaction(s -> s.blobs().insertIfAbsent(TestData.MOUNT, key, "00", 3, T0)).orElseThrow();
  }

  private static void addRevision(Item file, int number, BlobRecord blob) {
    catalog.inTransaction(s -> {
      s.revisions().insert(new RevisionRecord(TestData.revision(file.id(), number), blob.id(), blob.key()));
      s.blobs().reference(blob.id());
      return blob;
    });
  }
}
