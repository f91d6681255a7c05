package io.stockage.examples.bench;

import io.stockage.Item;
import io.stockage.ItemId;
import io.stockage.Location;
import io.stockage.Mount;
import io.stockage.NewProject;
import io.stockage.OrgId;
import io.stockage.OrgPermission;
import io.stockage.Page;
import io.stockage.PageRequest;
import io.stockage.ProjectRole;
import io.stockage.Subject;
import io.stockage.TeamId;
import io.stockage.core.StockageEngine;
import io.stockage.core.fs.FileSystemProvider;
import io.stockage.jdbc.JdbcCatalog;
import io.stockage.jdbc.JdbcDirectory;
import io.stockage.testkit.PostgresFixture;
import io.stockage.testkit.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

/**
 * Permission checks and permission-filtered listing, side by side with their baselines in the
 * same run: {@code permissions()} with a warm cache against the same checks decided afresh in
 * the database, and a folder of 100,000 items listed by a user who sees a random half of them
 * (filtered in SQL) against a project member who sees them all.
 */
public final class PermissionBench {
  private static final int ITEMS = 100_000;
  private static final int CHECKED_ITEMS = 10_000;
  private static final int PAGE = 100;
  private static final int LISTINGS = 200;
  private static final OrgId ORG = OrgId.of("bench");
  private static final Subject ALICE = Subject.of("bench", "alice", OrgPermission.CREATE_PROJECT);
  private static final Subject EVE = Subject.of("bench", "eve");
  private static final Subject BOB = Subject.of("bench", "bob");

  private PermissionBench() {}

  /**
   * Runs the benchmark and prints its report.
   *
   * @param args the directory to work in (the storage root goes under it); the system's temporary
   *     directory by default
   * @throws Exception when the set-up fails
   */
  public static void main(String[] args) throws Exception {
    Path base = Path.of(args.length > 0 ? args[0] : System.getProperty("java.io.tmpdir")).toAbsolutePath();
    Files.createDirectories(base);
    Path storage = Files.createTempDirectory(base, "stockage-permission-bench-");
    System.out.println("Stockage permission benchmark");
    System.out.printf("  JVM: %s %s, %d processors; catalog: PostgreSQL from stockage-testkit%n",
        System.getProperty("java.vm.name"), Runtime.version(), Runtime.getRuntime().availableProcessors());
    try (TestDatabase db = PostgresFixture.create()) {
      JdbcDirectory directory = JdbcDirectory.create(db.dataSource());
      try (StockageEngine cached = engine(db, directory, storage, Duration.ofMinutes(10));
          StockageEngine uncached = engine(db, directory, storage, Duration.ZERO)) {
        long started = System.nanoTime();
        Fixture fixture = Fixture.create(cached, directory, db);
        System.out.printf(Locale.ROOT, "  data: one folder of %,d items, %,d of them visible to eve through access"
            + " entries (half hers, half her team's); set up in %.1f s%n%n",
            ITEMS, fixture.visible(), (System.nanoTime() - started) / 1e9);
        checks(cached, uncached, fixture);
        listings(cached, fixture);
      }
    }
  }

  private static StockageEngine engine(TestDatabase db, JdbcDirectory directory, Path storage, Duration ttl) {
    return StockageEngine.builder()
        .catalog(JdbcCatalog.create(db.dataSource()))
        .directory(directory)
        .mount(Mount.managed("main", FileSystemProvider.create(storage)))
        .permissionCacheTtl(ttl)
        .build();
  }

  private static void checks(StockageEngine cached, StockageEngine uncached, Fixture fixture) {
    List<ItemId> items = fixture.sample(CHECKED_ITEMS);
    Subject[] subjects = {EVE, BOB};
    for (Subject s : subjects) {
      items.forEach(id -> cached.access().permissions(s, id));
    }
    double warm = rate(cached, items, subjects, Duration.ofSeconds(3));
    double cold = rate(uncached, items, subjects, Duration.ofSeconds(3));
    List<List<String>> rows = List.of(
        List.of("permission checks (1 thread)", "checks/s", "target"),
        List.of("permissions(), warm cache", fmt(warm), warm >= 200_000 ? ">= 200,000: met" : ">= 200,000: NOT met"),
        List.of("baseline: decided in the database", fmt(cold), ""),
        List.of("warm / baseline", String.format(Locale.ROOT, "%.0fx", warm / cold), ""));
    System.out.print(TextTable.format(rows, 1));
    System.out.printf("  %,d items x %d subjects (one a project EDITOR, one seeing half through entries)%n%n",
        items.size(), subjects.length);
  }

  private static double rate(StockageEngine engine, List<ItemId> items, Subject[] subjects, Duration length) {
    long deadline = System.nanoTime() + length.toNanos();
    long started = System.nanoTime();
    long checks = 0;
    int i = 0;
    long sink = 0;
    while (System.nanoTime() < deadline) {
      for (int k = 0; k < 100; k++, i++) {
        sink += engine.access().permissions(subjects[i & 1], items.get((i >>> 1) % items.size())).size();
      }
      checks += 100;
    }
    if (sink < 0) {
      throw new IllegalStateException("unreachable: keeps the calls alive");
    }
    return checks / ((System.nanoTime() - started) / 1e9);
  }

  private static void listings(StockageEngine engine, Fixture fixture) {
    Random random = new Random(42);
    Location folder = Location.of(fixture.slug(), fixture.folder());
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("listing a 100,000-item folder, pages of 100", "p50 ms", "p95 ms", "max ms", "target"));
    for (Subject subject : List.of(EVE, ALICE)) {
      // One walk through every page gives each page's request (its cursor); the rows then fetch
      // chosen pages by cursor, as a client resuming there would.
      List<PageRequest> requests = new ArrayList<>();
      long walk = System.nanoTime();
      Page<Item> page = engine.files().list(subject, folder, PageRequest.first(PAGE));
      requests.add(page.request());
      while (page.hasNext()) {
        page = engine.files().list(subject, folder, page.next().orElseThrow());
        requests.add(page.request());
      }
      double walkMs = (System.nanoTime() - walk) / 1e6;
      String who = subject == EVE ? "eve, sees half (filtered in SQL)" : "alice, project admin, sees all";
      double first = 0;
      for (String which : List.of("page 1", "page 100", "random page")) {
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < LISTINGS + 20; i++) {
          int n = switch (which) {
            case "page 1" -> 0;
            case "page 100" -> 99;
            default -> random.nextInt(requests.size());
          };
          long t = System.nanoTime();
          int got = engine.files().list(subject, folder, requests.get(n)).items().size();
          if (got == 0) {
            throw new IllegalStateException("page " + n + " of " + subject.user() + " is empty");
          }
          if (i >= 20) {
            millis.add((System.nanoTime() - t) / 1e6);
          }
        }
        millis.sort(Double::compare);
        double p50 = millis.get(millis.size() / 2);
        double p95 = millis.get((int) (millis.size() * 0.95) - 1);
        String target = "";
        if (which.equals("page 1")) {
          first = p50;
          target = subject == EVE ? (p95 < 50 ? "p95 < 50: met" : "p95 < 50: NOT met") : "";
        } else {
          double ratio = p50 / first;
          target = String.format(Locale.ROOT, "%.2fx page 1 (<= 2x: %s)", ratio, ratio <= 2 ? "met" : "NOT met");
        }
        rows.add(List.of(who + ", " + which, ms(p50), ms(p95), ms(millis.get(millis.size() - 1)), target));
      }
      rows.add(List.of(who + ", every page in turn (" + requests.size() + " pages)", ms(walkMs), "", "", ""));
    }
    System.out.print(TextTable.format(rows, 1));
    System.out.printf("  %d listings per row after 20 warm-up; keyset paging (a page starts after its cursor)%n",
        LISTINGS);
  }

  private static String fmt(double rate) {
    return String.format(Locale.ROOT, "%,.0f", rate);
  }

  private static String ms(double millis) {
    return String.format(Locale.ROOT, "%.1f", millis);
  }

  /** The project and folder listed, and the items in it. */
  private record Fixture(String slug, ItemId folder, List<ItemId> items, int visible) {

    static Fixture create(StockageEngine engine, JdbcDirectory directory, TestDatabase db) throws SQLException {
      String slug = "bench-" + UUID.randomUUID().toString().substring(0, 8);
      engine.projects().create(ALICE, NewProject.of(slug, "Permission benchmark"));
      engine.projects().addMember(ALICE, slug, BOB.user(), ProjectRole.EDITOR);
      engine.projects().addMember(ALICE, slug, EVE.user(), ProjectRole.EDITOR);
      Item folder = engine.files().createFolder(EVE, Location.root(slug), "big");
      engine.projects().removeMember(ALICE, slug, EVE.user());
      TeamId team = TeamId.of("reviewers");
      directory.createTeam(ORG, team, "Reviewers");
      directory.addMember(ORG, team, EVE.user());
      try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
        // Bulk rows straight into the catalog: the set-up, not what is measured.
        st.execute("INSERT INTO items (id, org_id, project_id, parent_id, type, name, mount, mime_type, owner_id,"
            + " created_at, updated_at) SELECT gen_random_uuid(), 'bench', '" + folder.project() + "', '"
            + folder.id() + "', 'FILE', 'doc-' || lpad(g::text, 6, '0') || '.pdf', 'main', 'application/pdf', 'bob',"
            + " now(), now() FROM generate_series(1, " + ITEMS + ") g");
        st.execute("SELECT setseed(0.42)");
        st.execute("INSERT INTO item_access (item_id, principal_type, principal_id, role, granted_by, granted_at)"
            + " SELECT id, CASE WHEN random() < 0.5 THEN 'USER' ELSE 'TEAM' END, '', 'VIEWER', 'alice', now()"
            + " FROM items WHERE parent_id = '" + folder.id() + "' AND random() < 0.5");
        st.execute("UPDATE item_access SET principal_id = CASE principal_type WHEN 'USER' THEN 'eve'"
            + " ELSE 'reviewers' END WHERE principal_id = ''");
        st.execute("ANALYZE items");
        st.execute("ANALYZE item_access");
        List<ItemId> ids = new ArrayList<>();
        int visible;
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM items WHERE parent_id = ?")) {
          ps.setObject(1, folder.id().value());
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              ids.add(ItemId.of(rs.getObject(1, UUID.class)));
            }
          }
        }
        try (ResultSet rs = st.executeQuery("SELECT count(*) FROM item_access a JOIN items i ON i.id = a.item_id"
            + " WHERE i.parent_id = '" + folder.id() + "'")) {
          rs.next();
          visible = rs.getInt(1);
        }
        return new Fixture(slug, folder.id(), ids, visible);
      }
    }

    List<ItemId> sample(int count) {
      List<ItemId> shuffled = new ArrayList<>(items);
      java.util.Collections.shuffle(shuffled, new Random(7));
      return shuffled.subList(0, count);
    }
  }
}
