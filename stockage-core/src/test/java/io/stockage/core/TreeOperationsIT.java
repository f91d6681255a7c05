package io.stockage.core;

import static io.stockage.core.EngineFixture.ALICE;
import static io.stockage.core.EngineFixture.BOB;
import static io.stockage.core.EngineFixture.CAROL;
import static io.stockage.core.EngineFixture.DAVE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stockage.ErrorKind;
import io.stockage.Item;
import io.stockage.Location;
import io.stockage.Page;
import io.stockage.PageRequest;
import io.stockage.PolicyReason;
import io.stockage.Project;
import io.stockage.StockageException;
import io.stockage.testkit.Samples;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

class TreeOperationsIT {
  @TempDir
  static Path root;
  static EngineFixture fx;

  @BeforeAll
  static void start() {
    fx = EngineFixture.start(root);
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  private static void assertKind(Executable call, ErrorKind kind) {
    assertThatThrownBy(call::execute).isInstanceOfSatisfying(StockageException.class,
        e -> assertThat(e.kind()).isEqualTo(kind));
  }

  private static List<String> names(Project project, Optional<io.stockage.ItemId> folder) {
    return fx.engine.files().list(ALICE, new Location(project.slug(), folder), PageRequest.first(100)).items().stream()
        .map(Item::name).toList();
  }

  @Test
  void list_pagesFoldersFirstThenByName() {
    Project project = fx.project();
    for (String name : List.of("c.pdf", "a.pdf", "b.pdf")) {
      fx.upload(BOB, project, name, Samples.pdf(name));
    }
    fx.engine.files().createFolder(ALICE, Location.root(project.slug()), "z-folder");
    List<String> seen = new ArrayList<>();
    PageRequest request = PageRequest.first(2);
    while (true) {
      Page<Item> page = fx.engine.files().list(ALICE, Location.root(project.slug()), request);
      page.items().forEach(i -> seen.add(i.name()));
      if (page.next().isEmpty()) {
        break;
      }
      request = page.next().get();
    }
    assertThat(seen).containsExactly("z-folder", "a.pdf", "b.pdf", "c.pdf");
  }

  @Test
  void renameAndMove_keepTheId() {
    Project project = fx.project();
    Item folder = fx.engine.files().createFolder(ALICE, Location.root(project.slug()), "docs");
    Item file = fx.upload(BOB, project, "plan.pdf", Samples.pdf("plan"));
    Item renamed = fx.engine.files().rename(BOB, file.id(), "plan-v2.pdf");
    Item moved = fx.engine.files().move(BOB, file.id(), Location.of(project.slug(), folder.id()));
    assertThat(renamed.id()).isEqualTo(file.id());
    assertThat(moved.parent()).contains(folder.id());
    assertThat(names(project, Optional.of(folder.id()))).containsExactly("plan-v2.pdf");
    assertThat(names(project, Optional.empty())).containsExactly("docs");
  }

  @Test
  void rename_changingTheExtension_isRefused() {
    Project project = fx.project();
    Item file = fx.upload(BOB, project, "plan.pdf", Samples.pdf("plan"));
    assertThatThrownBy(() -> fx.engine.files().rename(BOB, file.id(), "plan.png")).isInstanceOfSatisfying(
        StockageException.class, e -> assertThat(e.reason()).contains(PolicyReason.CONTENT_MISMATCH));
    assertThatThrownBy(() -> fx.engine.files().rename(BOB, file.id(), "../x.pdf")).isInstanceOfSatisfying(
        StockageException.class, e -> assertThat(e.reason()).contains(PolicyReason.INVALID_NAME));
  }

  @Test
  void rename_ontoASibling_isAlreadyExists() {
    Project project = fx.project();
    fx.upload(BOB, project, "a.pdf", Samples.pdf("a"));
    Item b = fx.upload(BOB, project, "b.pdf", Samples.pdf("b"));
    assertKind(() -> fx.engine.files().rename(BOB, b.id(), "a.pdf"), ErrorKind.ALREADY_EXISTS);
  }

  @Test
  void move_folderIntoItself_isInvalid() {
    Project project = fx.project();
    Item outer = fx.engine.files().createFolder(ALICE, Location.root(project.slug()), "outer");
    Item inner = fx.engine.files().createFolder(ALICE, Location.of(project.slug(), outer.id()), "inner");
    assertKind(() -> fx.engine.files().move(ALICE, outer.id(), Location.of(project.slug(), inner.id())), ErrorKind.INVALID_ARGUMENT);
    assertKind(() -> fx.engine.files().move(ALICE, outer.id(), Location.of(project.slug(), outer.id())), ErrorKind.INVALID_ARGUMENT);
  }

  @Test
  void copy_sharesTheBlob() {
    Project project = fx.project();
    Item file = fx.upload(BOB, project, "plan.pdf", Samples.pdf("copy me"));
    Item copy = fx.engine.files().copy(BOB, file.id(), Location.root(project.slug()), "plan-copy.pdf");
    assertThat(copy.id()).isNotEqualTo(file.id());
    assertThat(copy.sha256()).isEqualTo(file.sha256());
    assertThat(copy.revision()).isEqualTo(1);
    assertThat(fx.count("select ref_count from blobs where sha256 = ?", file.sha256())).isEqualTo(2);
  }

  @Test
  void deleteRestorePurge_ofAFolderTree() {
    Project project = fx.project();
    Item folder = fx.engine.files().createFolder(ALICE, Location.root(project.slug()), "docs");
    Item file = fx.engine.files().upload(BOB, io.stockage.Upload.of(project.slug(), "plan.pdf",
        new java.io.ByteArrayInputStream(Samples.pdf("tree"))).inFolder(folder.id()));
    Item trashed = fx.engine.files().trash(ALICE, folder.id());
    assertThat(trashed.isTrashed()).isTrue();
    assertThat(fx.engine.files().stat(ALICE, file.id()).isTrashed()).isTrue();
    assertThat(names(project, Optional.empty())).isEmpty();
    assertKind(() -> fx.engine.files().open(ALICE, file.id()), ErrorKind.NOT_FOUND);
    assertKind(() -> fx.engine.files().restore(ALICE, file.id()), ErrorKind.CONFLICT);

    fx.engine.files().restore(ALICE, folder.id());
    assertThat(fx.engine.files().stat(ALICE, file.id()).isTrashed()).isFalse();

    assertKind(() -> fx.engine.files().purge(ALICE, folder.id()), ErrorKind.CONFLICT);
    fx.engine.files().trash(ALICE, folder.id());
    fx.engine.files().purge(ALICE, folder.id());
    assertKind(() -> fx.engine.files().stat(ALICE, file.id()), ErrorKind.NOT_FOUND);
    assertThat(fx.count("select ref_count from blobs where sha256 = ?", file.sha256())).isZero();

    fx.engine.maintenance().reconcile();
    assertThat(fx.count("select count(*) from blobs where sha256 = ?", file.sha256())).isZero();
    assertThat(fx.objects("org_acme/blobs/sha256/" + file.sha256().substring(0, 2) + "/"
        + file.sha256().substring(2, 4) + "/" + file.sha256())).isZero();
  }

  @Test
  void trashed_listsWhatWasTrashedNewestFirst_withoutTheContentOfTrashedFolders_toThoseWhoMayRestore() {
    Project project = fx.project();
    Item folder = fx.engine.files().createFolder(ALICE, Location.root(project.slug()), "docs");
    fx.engine.files().upload(BOB, io.stockage.Upload.of(project.slug(), "inside.pdf",
        new java.io.ByteArrayInputStream(Samples.pdf("inside"))).inFolder(folder.id()));
    List<Item> loose = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      loose.add(fx.upload(BOB, project, "loose-" + i + ".pdf", Samples.pdf("loose " + i)));
    }
    fx.engine.files().trash(ALICE, folder.id());
    for (Item item : loose) {
      fx.engine.files().trash(BOB, item.id());
    }

    List<String> seen = new ArrayList<>();
    PageRequest request = PageRequest.first(2);
    Page<Item> page;
    do {
      page = fx.engine.files().trashed(BOB, project.slug(), request);
      page.items().forEach(i -> seen.add(i.name()));
      request = page.next().orElse(request);
    } while (page.hasNext());
    assertThat(seen).containsExactly("loose-2.pdf", "loose-1.pdf", "loose-0.pdf", "docs");

    fx.engine.files().restore(BOB, loose.get(1).id());
    assertThat(fx.engine.files().trashed(ALICE, project.slug(), PageRequest.first(10)).items())
        .extracting(Item::name).containsExactly("loose-2.pdf", "loose-0.pdf", "docs");
    assertKind(() -> fx.engine.files().trashed(CAROL, project.slug(), PageRequest.first(10)),
        ErrorKind.PERMISSION_DENIED);
    assertKind(() -> fx.engine.files().trashed(DAVE, project.slug(), PageRequest.first(10)),
        ErrorKind.NOT_FOUND);
  }

  @Test
  void restore_whenNameTaken_isAlreadyExists() {
    Project project = fx.project();
    Item first = fx.upload(BOB, project, "plan.pdf", Samples.pdf("first"));
    fx.engine.files().trash(BOB, first.id());
    fx.upload(BOB, project, "plan.pdf", Samples.pdf("second"));
    assertKind(() -> fx.engine.files().restore(BOB, first.id()), ErrorKind.ALREADY_EXISTS);
  }

  @Test
  void mounts_listTheirCapabilities() {
    assertThat(fx.engine.mounts().list(ALICE)).singleElement().satisfies(m -> {
      assertThat(m.name()).isEqualTo("main");
      assertThat(m.provider()).isEqualTo("fs");
      assertThat(m.capabilities().supports(io.stockage.Capability.READ_RANGE)).isTrue();
    });
  }
}
