package io.stockage.core;

import static io.stockage.core.EngineFixture.ALICE;
import static io.stockage.core.EngineFixture.BOB;
import static io.stockage.core.EngineFixture.CAROL;
import static io.stockage.core.EngineFixture.DAVE;
import static io.stockage.core.EngineFixture.MALLORY;
import static org.assertj.core.api.Assertions.assertThat;

import io.stockage.Item;
import io.stockage.Location;
import io.stockage.PageRequest;
import io.stockage.Project;
import io.stockage.ProjectRole;
import io.stockage.SearchHit;
import io.stockage.SearchQuery;
import io.stockage.SearchResults;
import io.stockage.SearchSort;
import io.stockage.Subject;
import io.stockage.Upload;
import io.stockage.testkit.Samples;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Search end to end on a real engine: upload, the indexing worker (driven here, so a test never
 * waits on a timer), then queries in English and French, by permission, across trash and rename.
 */
class SearchIT {
  @TempDir
  Path root;

  private EngineFixture fx;
  private Project project;

  @BeforeEach
  void start() {
    fx = EngineFixture.start(root, java.util.function.UnaryOperator.identity(), builder -> builder.indexing(false, java.time.Duration.ofSeconds(1),
        java.time.Duration.ofMinutes(5)));
    project = fx.project();
  }

  @AfterEach
  void stop() {
    fx.close();
  }

  @Test
  void search_pdfBodyWord_findsItWithTheWordMarked() {
    Item pdf = fx.upload(BOB, project, "report.pdf", Samples.pdf("Inspection of the suspension cables"));
    index();

    SearchResults found = search(CAROL, "suspension");

    assertThat(found.page().items()).extracting(h -> h.item().id()).containsExactly(pdf.id());
    assertThat(found.page().items().get(0).snippet()).contains("<mark>suspension</mark>");
    assertThat(found.page().items().get(0).indexed()).as("the hit carries what indexed() answers")
        .isEqualTo(fx.engine.search().indexed(CAROL, pdf.id()).orElseThrow());
    assertThat(found.byProject()).containsEntry(project.slug(), 1L);
    assertThat(found.byType()).containsEntry("application/pdf", 1L);
    io.stockage.Indexed indexed = fx.engine.search().indexed(CAROL, pdf.id()).orElseThrow();
    assertThat(indexed.properties()).containsEntry("pages", "1");
    assertThat(indexed.revision()).hasValue(1);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> fx.engine.search().indexed(DAVE, pdf.id()))
        .as("needs VIEW").isInstanceOfSatisfying(io.stockage.StockageException.class,
            e -> assertThat(e.kind()).isEqualTo(io.stockage.ErrorKind.NOT_FOUND));
  }

  @Test
  void extractedProperties_areKeptOnEachRevision() {
    Item model = fx.upload(BOB, project, "bridge.gltf", Samples.gltf("deck"));
    index();
    fx.engine.files().write(BOB, model.id(), io.stockage.NewContent.of(new java.io.ByteArrayInputStream(
        Samples.gltf("pylon"))));
    index();

    List<io.stockage.Revision> history = fx.engine.revisions().list(CAROL, model.id(), PageRequest.first(10)).items();
    assertThat(history).extracting(io.stockage.Revision::number).containsExactly(2, 1);
    assertThat(history.get(0).properties().toString()).contains("pylon").doesNotContain("deck");
    assertThat(history.get(1).properties().toString()).as("revision 1 keeps what it held").contains("deck");
  }

  @Test
  void thumbnails_madePerRevisionByTheWorker_readWithView() throws java.io.IOException {
    Item pdf = fx.upload(BOB, project, "cover.pdf", Samples.pdf("Cover sheet"));
    Item model = fx.upload(BOB, project, "pier.stl", Samples.stlBinary(4));
    assertThat(fx.engine.revisions().thumbnail(CAROL, pdf.id(), 1)).as("not indexed yet").isEmpty();
    index();

    java.awt.image.BufferedImage page = png(fx.engine.revisions().thumbnail(CAROL, pdf.id(), 1).orElseThrow());
    assertThat(page.getHeight()).isEqualTo(256);
    assertThat(png(fx.engine.revisions().thumbnail(CAROL, model.id(), 1).orElseThrow()).getWidth()).isEqualTo(256);

    fx.engine.files().write(BOB, pdf.id(), io.stockage.NewContent.of(new java.io.ByteArrayInputStream(
        Samples.pdf("Cover sheet, second issue"))));
    index();
    assertThat(fx.engine.revisions().thumbnail(CAROL, pdf.id(), 2).orElseThrow())
        .isNotEqualTo(fx.engine.revisions().thumbnail(CAROL, pdf.id(), 1).orElseThrow());
    assertThat(fx.engine.revisions().thumbnail(CAROL, pdf.id(), 1)).as("revision 1 keeps its own").isPresent();
    fx.engine.revisions().restore(BOB, pdf.id(), 1);
    index();
    assertThat(fx.engine.revisions().thumbnail(CAROL, pdf.id(), 3)).as("a restore is a new revision").isPresent();

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> fx.engine.revisions().thumbnail(DAVE, pdf.id(), 1))
        .as("needs VIEW").isInstanceOfSatisfying(io.stockage.StockageException.class,
            e -> assertThat(e.kind()).isEqualTo(io.stockage.ErrorKind.NOT_FOUND));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> fx.engine.revisions().thumbnail(CAROL, pdf.id(), 9))
        .as("no such revision").isInstanceOfSatisfying(io.stockage.StockageException.class,
            e -> assertThat(e.kind()).isEqualTo(io.stockage.ErrorKind.NOT_FOUND));
  }

  private static java.awt.image.BufferedImage png(byte[] bytes) throws java.io.IOException {
    java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(bytes));
    assertThat(image).isNotNull();
    return image;
  }

  @Test
  void search_englishAndFrenchStemsAccentsAndPartialNames_match() {
    Item bridges = fx.upload(BOB, project, "spans.pdf", Samples.pdf("Two bridges over the river"));
    Item poutres = fx.upload(BOB, project, "structure.pdf", Samples.pdf("Les poutres du pont"));
    Item ecole = fx.upload(BOB, project, "École_municipale.pdf", Samples.pdf("Plan du site"));
    Item creche = fx.upload(BOB, project, "site.pdf", Samples.pdf("Plan de la creche"));
    Item archi = fx.upload(BOB, project, "architecture_v2.pdf", Samples.pdf("plain"));
    index();

    assertThat(ids(search(CAROL, "bridge"))).containsExactly(bridges.id().toString());
    assertThat(ids(search(CAROL, "poutre"))).containsExactly(poutres.id().toString());
    assertThat(ids(search(CAROL, "ecole"))).as("an accented name, found unaccented").containsExactly(ecole.id().toString());
    assertThat(ids(search(CAROL, "crèche"))).as("an unaccented text, found accented").containsExactly(creche.id().toString());
    assertThat(ids(search(CAROL, "chit"))).containsExactly(archi.id().toString());
    assertThat(ids(search(CAROL, "\"poutres du pont\""))).containsExactly(poutres.id().toString());
    assertThat(ids(search(CAROL, "pont -poutres"))).isEmpty();
    assertThat(ids(search(CAROL, "river or pont"))).containsExactlyInAnyOrder(bridges.id().toString(),
        poutres.id().toString());
  }

  @Test
  void search_modelsByMeshAndSolidName() {
    Item gltf = fx.upload(BOB, project, "deck.gltf", Samples.gltf("girder_mesh"));
    Item stl = fx.upload(BOB, project, "pier.stl", Samples.stlAscii(3));
    index();

    assertThat(ids(search(CAROL, "girder_mesh"))).containsExactly(gltf.id().toString());
    assertThat(ids(search(CAROL, "sample"))).contains(stl.id().toString());
  }

  @Test
  void search_modelsByNodeAndMaterialName_notByTheirJsonKeys() {
    Item gltf = fx.upload(BOB, project, "truss.gltf", Samples.gltf("truss_mesh", "Chord", "Weathering steel"));
    Item glb = fx.upload(BOB, project, "pier.glb", Samples.glb("pier_mesh", "Bearing", "Neoprene"));
    index();

    assertThat(ids(search(CAROL, "chord"))).containsExactly(gltf.id().toString());
    assertThat(ids(search(CAROL, "weathering"))).containsExactly(gltf.id().toString());
    assertThat(ids(search(CAROL, "bearing"))).as("a GLB's names, from its JSON chunk")
        .containsExactly(glb.id().toString());
    assertThat(ids(search(CAROL, "neoprene"))).containsExactly(glb.id().toString());
    assertThat(ids(search(CAROL, "bytelength"))).as("the structure every glTF has finds none").isEmpty();
    assertThat(ids(search(CAROL, "accessors"))).isEmpty();
    io.stockage.Indexed indexed = fx.engine.search().indexed(CAROL, gltf.id()).orElseThrow();
    assertThat(indexed.properties()).containsEntry("nodeNames", "Chord").containsEntry("materialNames",
        "Weathering steel").containsEntry("nodes", "1").containsEntry("materials", "1");
    assertThat(indexed.keywords()).doesNotContain("bytelength", "nodes", "name", "accessors", "buffer");
  }

  @Test
  void search_followsTrashRestorePurgeAndRename() {
    Item file = fx.upload(BOB, project, "beams.pdf", Samples.pdf("Steel beams schedule"));
    index();
    assertThat(ids(search(CAROL, "steel"))).containsExactly(file.id().toString());

    fx.engine.files().trash(BOB, file.id());
    index();
    assertThat(ids(search(CAROL, "steel"))).as("trashed").isEmpty();

    fx.engine.files().restore(BOB, file.id());
    index();
    assertThat(ids(search(CAROL, "steel"))).as("restored").containsExactly(file.id().toString());

    fx.engine.files().rename(BOB, file.id(), "girders.pdf");
    index();
    assertThat(ids(search(CAROL, "girders"))).as("by its new name").containsExactly(file.id().toString());
    assertThat(ids(search(CAROL, "beams.pdf"))).as("not by its old name").isEmpty();

    fx.engine.files().trash(BOB, file.id());
    fx.engine.files().purge(BOB, file.id());
    index();
    assertThat(ids(search(CAROL, "steel"))).as("purged").isEmpty();
    assertThat(fx.count("SELECT count(*) FROM search_documents WHERE item_id = ?", file.id().value())).isZero();
    assertThat(fx.count("SELECT count(*) FROM index_jobs")).as("every job done").isZero();
  }

  @Test
  void aJobWhoseItemIsPurgedWhileItRuns_endsWithoutADocumentOrAFailure() {
    Item file = fx.upload(BOB, project, "gone.pdf", Samples.pdf("Vanishing girders"));
    io.stockage.spi.catalog.Catalog catalog = io.stockage.jdbc.JdbcCatalog.create(fx.db.dataSource());
    java.time.Instant now = java.time.Instant.now();
    List<io.stockage.spi.catalog.IndexJob> jobs = catalog.inTransaction(
        s -> s.search().claim("racing-node", now, now.plusSeconds(60), 10));
    assertThat(jobs).extracting(io.stockage.spi.catalog.IndexJob::item).containsExactly(file.id());

    // The worker has read the item and extracted its text; then the item is purged.
    fx.engine.files().trash(BOB, file.id());
    fx.engine.files().purge(BOB, file.id());
    io.stockage.spi.catalog.SearchDocument document = new io.stockage.spi.catalog.SearchDocument(file.id(),
        file.org(), java.util.OptionalInt.of(1), "gone.pdf", "", "Vanishing girders", List.of(),
        java.util.Map.of(), java.util.Optional.empty(), now);

    boolean done = catalog.inTransaction(
        s -> s.search().complete(jobs.get(0), "racing-node", java.util.Optional.of(document), now));
    assertThat(done).as("the job ends").isTrue();
    assertThat(fx.count("SELECT count(*) FROM search_documents WHERE item_id = ?", file.id().value())).isZero();
  }

  @Test
  void severalIndexingThreads_doEveryJobOnce() throws Exception {
    fx.close();
    fx = EngineFixture.start(root, java.util.function.UnaryOperator.identity(), builder -> builder
        .indexing(true, java.time.Duration.ofMillis(20), java.time.Duration.ofMinutes(5)).indexingWorkers(3));
    project = fx.project();
    List<Item> files = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      files.add(fx.upload(BOB, project, "note-" + i + ".pdf", Samples.pdf("Girder number n" + i + "x")));
    }
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
    while (fx.count("SELECT count(*) FROM index_jobs") > 0 && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(fx.count("SELECT count(*) FROM index_jobs")).as("every job done").isZero();
    assertThat(fx.count("SELECT count(*) FROM search_documents WHERE error IS NOT NULL")).isZero();
    for (int i = 0; i < files.size(); i++) {
      assertThat(ids(search(CAROL, "n" + i + "x"))).containsExactly(files.get(i).id().toString());
    }
    io.stockage.testkit.Failures.expect(io.stockage.ErrorKind.CONFIG_INVALID,
        () -> io.stockage.core.StockageEngine.builder().indexingWorkers(0));
  }

  @Test
  void search_filtersByPermissionInTheQuery() {
    Item folder = fx.engine.files().createFolder(ALICE, Location.root(project.slug()), "shared");
    Item inside = fx.engine.files().upload(BOB, Upload.of(Location.of(project.slug(), folder.id()), "inside.pdf",
        new ByteArrayInputStream(Samples.pdf("turbine inside"))));
    Item outside = fx.upload(BOB, project, "outside.pdf", Samples.pdf("turbine outside"));
    Item vault = fx.engine.files().upload(BOB, Upload.of(project.slug(), "vault.pdf",
        new ByteArrayInputStream(Samples.pdf("turbine vault"))).asVault());
    index();

    assertThat(ids(search(CAROL, "turbine"))).as("a member sees all, vault included")
        .containsExactlyInAnyOrder(inside.id().toString(), outside.id().toString(), vault.id().toString());
    assertThat(ids(search(DAVE, "turbine"))).as("no role, no entry").isEmpty();
    assertThat(ids(search(MALLORY, "turbine"))).as("another organization").isEmpty();
    Subject orgViewer = Subject.of("acme", "olga", io.stockage.OrgPermission.VIEW);
    assertThat(ids(search(orgViewer, "turbine"))).as("organization VIEW never reaches a vault item")
        .containsExactlyInAnyOrder(inside.id().toString(), outside.id().toString());

    fx.engine.access().grant(ALICE, folder.id(), DAVE.user(), ProjectRole.VIEWER);
    assertThat(ids(search(DAVE, "turbine"))).as("an entry on a folder applies below it, no reindex needed")
        .containsExactly(inside.id().toString());
    assertThat(ids(fx.engine.search().search(CAROL, SearchQuery.of("turbine")
        .below(Location.of(project.slug(), folder.id())), PageRequest.first(10)))).containsExactly(inside.id().toString());
  }

  @Test
  void search_bySubjectSeeingOneProjectOfEleven_findsItsProjectItsOwnAndWhatIsSharedWithIt() {
    // BOB is a member of one project of eleven: a small part of the organization, searched as one
    // branch per rule, united; the rules are the same as for a subject who sees much.
    List<Project> others = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      others.add(fx.engine.projects().create(ALICE, io.stockage.NewProject.of("other-" + i, "Other " + i)));
    }
    fx.engine.projects().addMember(ALICE, others.get(0).slug(), BOB.user(), ProjectRole.EDITOR);
    Item own = fx.upload(BOB, others.get(0), "own.pdf", Samples.pdf("girder own"));
    fx.engine.projects().removeMember(ALICE, others.get(0).slug(), BOB.user());
    Item shared = fx.upload(ALICE, others.get(1), "shared.pdf", Samples.pdf("girder shared"));
    fx.engine.access().grant(ALICE, shared.id(), BOB.user(), ProjectRole.VIEWER);
    fx.upload(ALICE, others.get(2), "hidden.pdf", Samples.pdf("girder hidden"));
    Item member = fx.upload(ALICE, project, "member.pdf", Samples.pdf("girder member girder"));
    Item vault = fx.engine.files().upload(ALICE, Upload.of(project.slug(), "vault.pdf",
        new ByteArrayInputStream(Samples.pdf("girder vault"))).asVault());
    index();

    List<String> expected = List.of(own.id().toString(), shared.id().toString(), member.id().toString(),
        vault.id().toString());
    assertThat(ids(search(BOB, "girder"))).containsExactlyInAnyOrderElementsOf(expected);
    List<String> paged = new ArrayList<>();
    PageRequest request = PageRequest.first(1);
    SearchResults page;
    do {
      page = fx.engine.search().search(BOB, SearchQuery.of("girder"), request);
      page.page().items().forEach(h -> paged.add(h.item().id().toString()));
      request = page.page().next().orElse(request);
    } while (page.page().hasNext());
    assertThat(paged).as("one at a time, by relevance").containsExactlyInAnyOrderElementsOf(expected);
    assertThat(paged.get(0)).as("the name and the body say it twice").isEqualTo(member.id().toString());
    assertThat(page.byProject()).containsEntry(project.slug(), 2L).containsEntry("other-0", 1L)
        .containsEntry("other-1", 1L).doesNotContainKey("other-2");
  }

  @Test
  void search_pagesByCursorWithoutRepeats() {
    List<String> uploaded = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      uploaded.add(fx.upload(BOB, project, "pile-" + i + ".pdf", Samples.pdf("foundation pile " + i)).id().toString());
    }
    index();
    for (SearchSort sort : SearchSort.values()) {
      List<String> seen = new ArrayList<>();
      PageRequest request = PageRequest.first(3);
      SearchResults page;
      do {
        page = fx.engine.search().search(CAROL, SearchQuery.of("foundation").sortedBy(sort), request);
        page.page().items().forEach(h -> seen.add(h.item().id().toString()));
        request = page.page().next().orElse(request);
      } while (page.page().hasNext());
      assertThat(seen).as("sorted by %s", sort).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(uploaded);
      assertThat(page.byType()).as("facets count every match").containsEntry("application/pdf", 7L);
    }
  }

  @Test
  void search_filters_byTypeTagAndUploader() {
    Item pdf = fx.upload(BOB, project, "a.pdf", Samples.pdf("column"));
    Item png = fx.upload(ALICE, project, "column.png", Samples.png(4, 4));
    fx.engine.files().update(BOB, pdf.id(), io.stockage.ItemPatch.none().withTags(Set.of("urgent")));
    index();

    assertThat(ids(fx.engine.search().search(CAROL, SearchQuery.of("column").ofTypes(Set.of("image/png")),
        PageRequest.first(10)))).containsExactly(png.id().toString());
    assertThat(ids(fx.engine.search().search(CAROL, SearchQuery.of("column").taggedWith(Set.of("urgent")),
        PageRequest.first(10)))).containsExactly(pdf.id().toString());
    assertThat(ids(fx.engine.search().search(CAROL, SearchQuery.of("").uploadedBy(ALICE.user()),
        PageRequest.first(10)))).contains(png.id().toString()).doesNotContain(pdf.id().toString());
    assertThat(ids(search(CAROL, "urgent"))).as("tags are searchable").containsExactly(pdf.id().toString());
  }

  @Test
  void reindex_queuesEveryLiveItemOnce_extractsAgain_andIsAdminOnly() {
    for (int i = 0; i < 3; i++) {
      fx.upload(BOB, project, "r-" + i + ".pdf", Samples.pdf("reindexed " + i));
    }
    index();
    Subject admin = Subject.of("acme", "root", io.stockage.OrgPermission.ADMIN);

    // As if r-0's revision had been indexed before thumbnails existed.
    Item first = fx.engine.files().list(CAROL, io.stockage.Location.root(project.slug()), PageRequest.first(10)).items()
        .stream().filter(i -> i.name().equals("r-0.pdf")).findFirst().orElseThrow();
    try (java.sql.Connection c = fx.db.dataSource().getConnection();
        java.sql.PreparedStatement ps = c.prepareStatement("DELETE FROM revision_thumbnails WHERE item_id = ?")) {
      ps.setObject(1, first.id().value());
      assertThat(ps.executeUpdate()).isEqualTo(1);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }

    // As if r-1 had been extracted by an older extraction, which kept other words.
    Item second = fx.engine.files().list(CAROL, io.stockage.Location.root(project.slug()), PageRequest.first(10))
        .items().stream().filter(i -> i.name().equals("r-1.pdf")).findFirst().orElseThrow();
    try (java.sql.Connection c = fx.db.dataSource().getConnection();
        java.sql.PreparedStatement ps = c.prepareStatement("UPDATE search_documents SET body = 'obsolete words',"
            + " tsv = to_tsvector('stockage_en', 'obsolete words') WHERE item_id = ?")) {
      ps.setObject(1, second.id().value());
      assertThat(ps.executeUpdate()).isEqualTo(1);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
    assertThat(ids(search(CAROL, "obsolete"))).containsExactly(second.id().toString());

    long queued = fx.engine.maintenance().reindex(admin);

    assertThat(queued).isEqualTo(fx.count("SELECT count(*) FROM items WHERE org_id = 'acme' AND deleted_at IS NULL"));
    index();
    assertThat(ids(search(CAROL, "reindexed"))).hasSize(3);
    assertThat(ids(search(CAROL, "obsolete"))).as("a reindex extracts again").isEmpty();
    assertThat(fx.engine.revisions().thumbnail(CAROL, first.id(), 1)).as("a reindex makes a missing thumbnail")
        .isPresent();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> fx.engine.maintenance().reindex(BOB))
        .isInstanceOfSatisfying(io.stockage.StockageException.class,
            e -> assertThat(e.kind()).isEqualTo(io.stockage.ErrorKind.PERMISSION_DENIED));
  }

  @Test
  void search_pagingWhileOthersUploadRenameAndTrash_returnsEveryStableHitOnce() throws Exception {
    List<Item> items = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      items.add(fx.upload(BOB, project, "span-" + i + ".pdf", Samples.pdf("viaduct span " + i)));
    }
    index();
    java.util.Set<String> touched = java.util.concurrent.ConcurrentHashMap.newKeySet();
    java.util.concurrent.atomic.AtomicBoolean walking = new java.util.concurrent.atomic.AtomicBoolean(true);
    java.util.concurrent.atomic.AtomicInteger changes = new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.CompletableFuture<Void> writer = java.util.concurrent.CompletableFuture.runAsync(() -> {
      java.util.Random random = new java.util.Random(3);
      while (walking.get()) {
        Item target = items.get(random.nextInt(items.size()));
        switch (random.nextInt(3)) {
          case 0 -> fx.upload(BOB, project, "new-" + java.util.UUID.randomUUID() + ".pdf", Samples.pdf("viaduct new"));
          case 1 -> {
            if (touched.add(target.id().toString())) {
              fx.engine.files().rename(BOB, target.id(), java.util.UUID.randomUUID() + ".pdf");
            }
          }
          default -> {
            if (touched.add(target.id().toString())) {
              fx.engine.files().trash(BOB, target.id());
            }
          }
        }
        index();
        changes.incrementAndGet();
      }
    });
    java.util.Map<String, Integer> seen = new java.util.HashMap<>();
    for (SearchSort sort : List.of(SearchSort.RELEVANCE, SearchSort.NAME)) {
      seen.clear();
      PageRequest request = PageRequest.first(10);
      SearchResults page;
      do {
        page = fx.engine.search().search(CAROL, SearchQuery.of("viaduct").sortedBy(sort), request);
        page.page().items().forEach(h -> seen.merge(h.item().id().toString(), 1, Integer::sum));
        request = page.page().next().orElse(request);
        Thread.sleep(5);
      } while (page.page().hasNext());
      for (Item item : items) {
        if (!touched.contains(item.id().toString())) {
          assertThat(seen.get(item.id().toString())).as("%s, sorted by %s", item.name(), sort).isEqualTo(1);
        }
      }
    }
    walking.set(false);
    writer.get();
    assertThat(changes.get()).as("changes made while paging").isGreaterThan(20);
  }

  private void index() {
    while (fx.engine.indexer().runOnce() > 0) {
      // until the queue is empty
    }
  }

  private SearchResults search(Subject subject, String text) {
    return fx.engine.search().search(subject, SearchQuery.of(text), PageRequest.first(50));
  }

  private static List<String> ids(SearchResults results) {
    return results.page().items().stream().map(SearchHit::item).map(i -> i.id().toString()).toList();
  }
}
