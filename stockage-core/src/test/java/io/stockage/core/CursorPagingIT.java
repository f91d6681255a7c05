package io.stockage.core;

import static io.stockage.core.EngineFixture.ALICE;
import static io.stockage.core.EngineFixture.BOB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stockage.ErrorKind;
import io.stockage.Item;
import io.stockage.ItemId;
import io.stockage.ItemType;
import io.stockage.Location;
import io.stockage.Page;
import io.stockage.PageRequest;
import io.stockage.Project;
import io.stockage.StockageException;
import io.stockage.jdbc.JdbcCatalog;
import io.stockage.spi.catalog.Catalog;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keyset paging under concurrent change: a client walking a folder of 10,000 items page by page,
 * while another thread inserts, renames and trashes items in it, sees every item that stayed as
 * it was exactly once.
 */
class CursorPagingIT {
  private static final int ITEMS = 10_000;

  @TempDir
  Path root;

  private EngineFixture fx;

  @BeforeEach
  void start() {
    fx = EngineFixture.start(root);
  }

  @AfterEach
  void stop() {
    fx.close();
  }

  @Test
  void list_whileOthersInsertRenameAndTrash_returnsEveryStableItemExactlyOnce() throws Exception {
    Project project = fx.project();
    Item folder = fx.engine.files().createFolder(ALICE, Location.root(project.slug()), "big");
    Location big = Location.of(project.slug(), folder.id());
    List<ItemId> ids = fill(project, folder.id());
    Set<ItemId> touched = ConcurrentHashMap.newKeySet();
    AtomicBoolean walking = new AtomicBoolean(true);
    AtomicInteger mutations = new AtomicInteger();

    CompletableFuture<Void> mutator = CompletableFuture.runAsync(() -> {
      Random random = new Random(7);
      while (walking.get()) {
        ItemId target = ids.get(random.nextInt(ids.size()));
        switch (random.nextInt(3)) {
          case 0 -> fx.engine.files().createFolder(BOB, big, "new-" + UUID.randomUUID());
          case 1 -> {
            if (touched.add(target)) {
              String name = fx.engine.files().stat(BOB, target).name();
              fx.engine.files().rename(BOB, target, UUID.randomUUID() + (name.endsWith(".pdf") ? "-renamed.pdf" : "-renamed"));
            }
          }
          default -> {
            if (touched.add(target)) {
              fx.engine.files().trash(BOB, target);
            }
          }
        }
        mutations.incrementAndGet();
      }
    });

    Map<ItemId, Integer> seen = new HashMap<>();
    Page<Item> page = fx.engine.files().list(BOB, big, PageRequest.first(100));
    while (true) {
      page.items().forEach(i -> {
        seen.merge(i.id(), 1, Integer::sum);
      });
      if (!page.hasNext()) {
        break;
      }
      Thread.sleep(2); // a client's pace: the mutator gets time between pages
      page = fx.engine.files().list(BOB, big, page.next().orElseThrow());
    }
    walking.set(false);
    mutator.get();

    List<ItemId> stable = ids.stream().filter(id -> !touched.contains(id)).toList();
    assertThat(mutations.get()).as("changes made during the walk").isGreaterThan(100);
    assertThat(stable).as("stable items seen exactly once")
        .allSatisfy(id -> assertThat(seen.get(id)).as("times %s was listed", id).isEqualTo(1));
    // A renamed item may legitimately show at its old and its new place; nothing else repeats.
    assertThat(seen.entrySet()).as("no item listed twice but a renamed one")
        .allSatisfy(e -> assertThat(e.getValue() == 1 || touched.contains(e.getKey())).isTrue());
  }

  @Test
  void list_foreignCursor_isInvalidArgument() {
    Project project = fx.project();
    Location rootOf = Location.root(project.slug());
    for (String cursor : List.of("", "%%%", "AQI", "not-a-cursor", "AQEAAWE")) {
      assertThatThrownBy(() -> fx.engine.files().list(BOB, rootOf, PageRequest.after(cursor, 10)))
          .isInstanceOfSatisfying(StockageException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_ARGUMENT));
    }
  }

  @Test
  void list_newestAndLargest_foldersFirstThenByTheirKey_everyItemOnceAcrossPages() {
    Project project = fx.project();
    Location rootOf = Location.root(project.slug());
    List<Item> files = new java.util.ArrayList<>();
    for (int i = 0; i < 7; i++) {
      // Sizes out of upload order: 3, 0, 4, 1, 5, 2, 6 sentences.
      files.add(fx.upload(ALICE, project, "f" + i + ".pdf", io.stockage.testkit.Samples.pdf(
          "Sentence".repeat(1 + (i * 3) % 7 * 40))));
    }
    Item older = fx.engine.files().createFolder(ALICE, rootOf, "older");
    Item newer = fx.engine.files().createFolder(ALICE, rootOf, "newer");
    // A new revision makes f0 the most recently changed file.
    fx.engine.files().write(ALICE, files.get(0).id(), io.stockage.NewContent.of(new java.io.ByteArrayInputStream(
        io.stockage.testkit.Samples.pdf("Sentence".repeat(400)))));

    List<Item> newest = walk(rootOf, io.stockage.ListOrder.NEWEST);
    List<Item> largest = walk(rootOf, io.stockage.ListOrder.LARGEST);

    assertThat(newest).extracting(Item::name)
        .containsExactly("newer", "older", "f0.pdf", "f6.pdf", "f5.pdf", "f4.pdf", "f3.pdf", "f2.pdf", "f1.pdf");
    List<Item> stated = files.stream().map(f -> fx.engine.files().stat(ALICE, f.id())).toList();
    List<String> bySize = stated.stream()
        .sorted(java.util.Comparator.comparingLong(Item::size).reversed()).map(Item::name).toList();
    assertThat(largest.subList(0, 2)).extracting(Item::name).containsExactlyInAnyOrder("newer", "older");
    assertThat(largest.subList(2, largest.size())).extracting(Item::name).containsExactlyElementsOf(bySize);
    assertThat(stated.stream().map(Item::size).distinct().count()).as("sizes differ").isEqualTo(7);

    Page<Item> byName = fx.engine.files().list(ALICE, rootOf, PageRequest.first(2));
    Page<Item> byNewest = fx.engine.files().list(ALICE, rootOf, io.stockage.ListOrder.NEWEST, PageRequest.first(2));
    assertThatThrownBy(() -> fx.engine.files().list(ALICE, rootOf, io.stockage.ListOrder.NEWEST, byName.next().orElseThrow()))
        .as("a name cursor").isInstanceOfSatisfying(StockageException.class,
            e -> assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_ARGUMENT));
    assertThatThrownBy(() -> fx.engine.files().list(ALICE, rootOf, io.stockage.ListOrder.LARGEST, byNewest.next().orElseThrow()))
        .as("a newest cursor").isInstanceOfSatisfying(StockageException.class,
            e -> assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_ARGUMENT));
    assertThat(older.id()).isNotEqualTo(newer.id());
  }

  private List<Item> walk(Location folder, io.stockage.ListOrder order) {
    List<Item> all = new java.util.ArrayList<>();
    Page<Item> page = fx.engine.files().list(ALICE, folder, order, PageRequest.first(2));
    all.addAll(page.items());
    while (page.hasNext()) {
      page = fx.engine.files().list(ALICE, folder, order, page.next().orElseThrow());
      all.addAll(page.items());
    }
    return all;
  }

  // Items written straight to the catalog (one transaction): the listing, not the upload, is tested.
  private List<ItemId> fill(Project project, ItemId folder) {
    Catalog catalog = JdbcCatalog.create(fx.db.dataSource());
    Instant now = Instant.parse("2026-01-01T00:00:00Z");
    List<Item> items = new ArrayList<>();
    for (int i = 0; i < ITEMS; i++) {
      boolean isFolder = i % 10 == 0;
      items.add(new Item(ItemId.random(), project.org(), project.id(), Optional.of(folder),
          isFolder ? ItemType.FOLDER : ItemType.FILE, UUID.randomUUID() + (isFolder ? "" : ".pdf"), project.mount(),
          isFolder ? 0 : 3, isFolder ? Item.FOLDER_TYPE : "application/pdf", isFolder ? "" : "ab".repeat(32),
          isFolder ? 0 : 1, ALICE.user(), false, Set.of(), Map.of(), now, now, Optional.empty()));
    }
    catalog.inTransaction(s -> {
      items.forEach(s.items()::insert);
      return null;
    });
    return items.stream().map(Item::id).toList();
  }
}
