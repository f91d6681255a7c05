package io.stockage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stockage.ErrorKind;
import io.stockage.Item;
import io.stockage.Page;
import io.stockage.PageRequest;
import io.stockage.Project;
import io.stockage.StockageException;
import io.stockage.spi.catalog.CatalogSession;
import io.stockage.spi.catalog.Visibility;
import io.stockage.testkit.PostgresExtension;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Tags and custom field values of items: how they are written, read back and kept apart. */
class ItemMetadataIT {
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
  void insert_tagsAndValuesOfEveryType_comeBackFromEveryQuery() {
    Project project = TestData.newProject(catalog, "round-trip");
    Map<String, Object> fields = Map.of(
        "text", "a \"quoted\", ünïcode ✓ text\nover two lines",
        "empty", "",
        "long", Long.MAX_VALUE,
        "negative", -42L,
        "fraction", 0.1,
        "tiny", -2.5e-7,
        "huge", 1.0e300,
        "yes", true,
        "no", false,
        "date", "2026-11-23");
    Item file = with(TestData.file(project, Optional.empty(), "a.pdf"), Set.of("red", "été", "two words"), fields);
    TestData.insert(catalog, file);

    assertThat(catalog.read((CatalogSession s) -> s.items().find(file.id()))).contains(file);
    assertThat(catalog.inTransaction((CatalogSession s) -> s.items().findForUpdate(file.id()))).contains(file);
    assertThat(catalog.read((CatalogSession s) -> s.items().findChild(project.id(), Optional.empty(), "a.pdf")))
        .contains(file);
    List<Item> listed = catalog.read(s -> s.items().children(project.id(), Optional.empty(), ALL, io.stockage.ListOrder.NAME, PageRequest.first(10)))
        .items();
    assertThat(listed).containsExactly(file);
  }

  @Test
  void insert_numbersOfOtherTypes_comeBackAsLongWhenIntegralElseDouble() {
    Project project = TestData.newProject(catalog, "numbers");
    Item file = with(TestData.file(project, Optional.empty(), "n.pdf"), Set.of(), Map.of(
        "int", 7, "integralDouble", 2.0, "decimal", new BigDecimal("1.50"), "bigInteger", BigInteger.TWO.pow(70),
        "float", 1.5f, "exponent", 1.0e15, "short", (short) -3));
    TestData.insert(catalog, file);

    assertThat(catalog.read((CatalogSession s) -> s.items().find(file.id()))).map(Item::customFields)
        .contains(Map.of("int", 7L, "integralDouble", 2L, "decimal", 1.5, "bigInteger", Math.pow(2, 70),
            "float", 1.5, "exponent", 1_000_000_000_000_000L, "short", -3L));
  }

  @Test
  void insert_valueThatIsNoStringBooleanOrFiniteNumber_failsInvalidArgumentAndTransactionGoesOn() {
    Project project = TestData.newProject(catalog, "invalid-values");
    Item other = TestData.file(project, Optional.empty(), "other.pdf");
    for (Object value : List.of(Double.NaN, Double.POSITIVE_INFINITY, new BigDecimal("1e400"), List.of("a"),
        new Object(), "NUL \u0000 in text")) {
      Item file = with(TestData.file(project, Optional.empty(), "bad.pdf"), Set.of(), Map.of("f", value));
      assertThatThrownBy(() -> TestData.insert(catalog, file)).as("%s", value)
          .isInstanceOfSatisfying(StockageException.class,
              e -> assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_ARGUMENT));
    }
    catalog.inTransaction(s -> {
      assertThatThrownBy(() -> s.items().insert(with(TestData.file(project, Optional.empty(), "nan.pdf"),
          Set.of(), Map.of("f", Double.NaN)))).isInstanceOf(StockageException.class);
      s.items().insert(other);
      return other;
    });
    assertThat(catalog.read((CatalogSession s) -> s.items().find(other.id()))).isPresent();
  }

  @Test
  void insert_tagWithNul_failsInvalidArgument() {
    Project project = TestData.newProject(catalog, "nul-tag");
    Item file = with(TestData.file(project, Optional.empty(), "a.pdf"), Set.of("a\u0000b"), Map.of());

    assertThatThrownBy(() -> TestData.insert(catalog, file)).isInstanceOfSatisfying(StockageException.class,
        e -> assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_ARGUMENT));
    assertThat(catalog.read((CatalogSession s) -> s.items().find(file.id()))).isEmpty();
  }

  @Test
  void update_newTagsAndFields_replaceTheOldOnes() {
    Project project = TestData.newProject(catalog, "replace");
    Item file = with(TestData.file(project, Optional.empty(), "a.pdf"), Set.of("a", "b"), Map.of("x", 1L, "y", "old"));
    TestData.insert(catalog, file);

    Item changed = with(file, Set.of("b", "c"), Map.of("y", "new", "z", true));
    catalog.inTransaction(s -> {
      s.items().update(changed);
      return changed;
    });
    assertThat(catalog.read((CatalogSession s) -> s.items().find(file.id()))).contains(changed);

    Item cleared = with(file, Set.of(), Map.of());
    catalog.inTransaction(s -> {
      s.items().update(cleared);
      return cleared;
    });
    assertThat(catalog.read((CatalogSession s) -> s.items().find(file.id()))).contains(cleared);
    assertThat(count("SELECT count(*) FROM item_tags WHERE item_id = ?", file.id().value())).isZero();
  }

  @Test
  void tags_sameNameInTwoOrganizations_areTwoTagsAndStayApart() {
    Project one = TestData.newProject(catalog, "org-one");
    Project two = TestData.newProject(catalog, "org-two");
    Item a = with(TestData.file(one, Optional.empty(), "a.pdf"), Set.of("shared", "only-one"), Map.of());
    Item b = with(TestData.file(two, Optional.empty(), "b.pdf"), Set.of("shared"), Map.of());
    Item c = with(TestData.file(one, Optional.empty(), "c.pdf"), Set.of("shared"), Map.of());
    TestData.insert(catalog, a, b, c);

    catalog.inTransaction(s -> {
      s.items().update(with(b, Set.of(), Map.of()));
      return b;
    });

    assertThat(count("SELECT count(*) FROM tags WHERE name = 'shared' AND org_id IN (?, ?)",
        one.org().value(), two.org().value())).isEqualTo(2);
    assertThat(count("SELECT count(*) FROM item_tags it JOIN items i ON i.id = it.item_id"
        + " JOIN tags t ON t.id = it.tag_id WHERE t.org_id <> i.org_id")).isZero();
    assertThat(catalog.read((CatalogSession s) -> s.items().find(a.id()))).map(Item::tags)
        .contains(Set.of("shared", "only-one"));
    assertThat(catalog.read((CatalogSession s) -> s.items().find(c.id()))).map(Item::tags).contains(Set.of("shared"));
    assertThat(catalog.read((CatalogSession s) -> s.items().find(b.id()))).map(Item::tags).contains(Set.of());
  }

  @Test
  void children_pagesOfTaggedItems_carryEachItemsOwnTags() {
    Project project = TestData.newProject(catalog, "tagged-children");
    Item folder = with(TestData.folder(project, Optional.empty(), "docs"), Set.of("folder"), Map.of("n", 1L));
    Item plain = TestData.file(project, Optional.empty(), "a.pdf");
    Item red = with(TestData.file(project, Optional.empty(), "b.pdf"), Set.of("red", "urgent"), Map.of());
    Item blue = with(TestData.file(project, Optional.empty(), "c.pdf"), Set.of("blue"), Map.of("n", 2L));
    TestData.insert(catalog, folder, plain, red, blue);

    Page<Item> first = catalog.read(s -> s.items().children(project.id(), Optional.empty(), ALL, io.stockage.ListOrder.NAME, PageRequest.first(2)));
    Page<Item> second = catalog.read(s -> s.items().children(project.id(), Optional.empty(), ALL, io.stockage.ListOrder.NAME,
        first.next().orElseThrow()));

    assertThat(first.items()).containsExactly(folder, plain);
    assertThat(second.items()).containsExactly(red, blue);
  }

  @Test
  void insert_sameNewTagInTwoTransactionsAtOnce_bothGetTheOneTag() throws Exception {
    Project project = TestData.newProject(catalog, "concurrent-tags");
    Item first = with(TestData.file(project, Optional.empty(), "a.pdf"), Set.of("fresh"), Map.of());
    Item second = with(TestData.file(project, Optional.empty(), "b.pdf"), Set.of("fresh"), Map.of());
    CountDownLatch inserted = new CountDownLatch(1);

    CompletableFuture<Item> other = CompletableFuture.supplyAsync(() -> {
      await(inserted);
      TestData.insert(catalog, second); // waits on the first transaction's uncommitted tag row
      return second;
    });
    catalog.inTransaction(s -> {
      s.items().insert(first);
      inserted.countDown();
      awaitBlockedBackend();
      return first;
    });
    other.get(30, TimeUnit.SECONDS);

    assertThat(count("SELECT count(*) FROM tags WHERE org_id = ? AND name = 'fresh'", project.org().value()))
        .isEqualTo(1);
    assertThat(catalog.read((CatalogSession s) -> s.items().find(second.id()))).map(Item::tags)
        .contains(Set.of("fresh"));
  }

  @Test
  void purge_taggedItem_dropsItsTagLinks() {
    Project project = TestData.newProject(catalog, "purge-tags");
    Item file = with(TestData.file(project, Optional.empty(), "a.pdf"), Set.of("gone"), Map.of());
    TestData.insert(catalog, file);
    catalog.inTransaction(s -> s.items().trash(file.id(), TestData.later()));
    catalog.inTransaction(s -> s.items().purge(file.id()));

    assertThat(count("SELECT count(*) FROM item_tags WHERE item_id = ?", file.id().value())).isZero();
  }

  private static Item with(Item item, Set<String> tags, Map<String, Object> fields) {
    return item.withMetadata(tags, fields, item.updatedAt());
  }

  private static long count(String sql, Object... args) {
    try (Connection c = POSTGRES.database().dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Waits until another backend of this database waits on a lock (the other transaction's insert). */
  private static void awaitBlockedBackend() {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (count("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
        + " AND wait_event_type = 'Lock'") == 0) {
      assertThat(System.nanoTime()).as("another transaction blocks on the tag row").isLessThan(deadline);
      Thread.onSpinWait();
    }
  }
}
