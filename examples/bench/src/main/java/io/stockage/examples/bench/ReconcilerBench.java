package io.stockage.examples.bench;

import io.stockage.Mount;
import io.stockage.core.StockageEngine;
import io.stockage.core.memory.MemoryProvider;
import io.stockage.jdbc.JdbcCatalog;
import io.stockage.spi.catalog.Catalog;
import io.stockage.spi.storage.ObjectInfo;
import io.stockage.spi.storage.ObjectPage;
import io.stockage.spi.storage.StorageProvider;
import io.stockage.spi.storage.WriteOptions;
import io.stockage.testkit.PostgresFixture;
import io.stockage.testkit.TestDatabase;
import java.io.ByteArrayInputStream;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * A reconciler pass over a store of {@code -Dbench.blobs} (1,000,000) stored, referenced blobs,
 * beside the pass it replaced in the same run: that one listed every stored object and asked the
 * catalog about each (one transaction per object), so its cost grew with the store; the pass of
 * today works from the upload intents left behind, the staging prefix and the unreferenced rows,
 * so its cost follows the pending work. The store is the in-memory provider, the most favourable
 * case for the listing pass (listing S3 adds a request per 1,000 keys). The listing pass stops
 * after {@code -Dbench.listingBudget} (300 s) and its full time is projected from its rate.
 */
public final class ReconcilerBench {
  private static final int PAGE = 500;

  private ReconcilerBench() {}

  /**
   * Runs the benchmark and prints its report.
   *
   * @param args ignored
   * @throws Exception when the set-up fails
   */
  public static void main(String[] args) throws Exception {
    int blobs = Integer.getInteger("bench.blobs", 1_000_000);
    Duration budget = Duration.ofSeconds(Long.getLong("bench.listingBudget", 300));
    System.out.println("Stockage reconciler benchmark");
    System.out.printf("  JVM: %s %s, %d processors; catalog: PostgreSQL from stockage-testkit; store: memory%n",
        System.getProperty("java.vm.name"), Runtime.version(), Runtime.getRuntime().availableProcessors());
    try (TestDatabase db = PostgresFixture.create()) {
      MemoryProvider store = MemoryProvider.create();
      Catalog catalog = JdbcCatalog.create(db.dataSource());
      long started = System.nanoTime();
      fill(store, db, blobs);
      System.out.printf(Locale.ROOT, "  data: %,d stored blobs, each with its referenced row; set up in %.1f s%n%n",
          blobs, (System.nanoTime() - started) / 1e9);
      try (StockageEngine engine = StockageEngine.builder().catalog(catalog)
          .mount(Mount.managed("main", store)).reconcilerGrace(Duration.ofMinutes(1)).build()) {
        java.util.List<java.util.List<String>> table = new java.util.ArrayList<>();
        table.add(java.util.List.of("pass", "pending work", "objects visited", "seconds", "projected full pass s"));
        Listing listing = listingPass(store, catalog, budget);
        double rate = listing.visited() / listing.seconds();
        table.add(java.util.List.of("listing every object (before)", "none",
            String.format(Locale.ROOT, "%,d", listing.visited()), String.format(Locale.ROOT, "%.1f", listing.seconds()),
            String.format(Locale.ROOT, "%.0f", listing.visited() == blobs ? listing.seconds() : blobs / rate)));
        table.add(java.util.List.of("from intents (now)", "none", "0", seconds(() -> engine.maintenance().reconcile()), ""));
        leaveIntents(db, 1_000);
        table.add(java.util.List.of("from intents (now)", "1,000 intents", "0",
            seconds(() -> engine.maintenance().reconcile()), ""));
        System.out.print(TextTable.format(table, 2));
      }
    }
  }

  private static String seconds(Runnable pass) {
    long started = System.nanoTime();
    pass.run();
    return String.format(Locale.ROOT, "%.3f", (System.nanoTime() - started) / 1e9);
  }

  /** The content keys of the engine's layout for a fake hash. */
  private static String key(String sha) {
    return "org_bench/blobs/sha256/" + sha.substring(0, 2) + "/" + sha.substring(2, 4) + "/" + sha;
  }

  private static void fill(StorageProvider store, TestDatabase db, int blobs) throws Exception {
    byte[] one = {1};
    for (int i = 0; i < blobs; i++) {
      store.write(key(String.format("%064x", i)), new ByteArrayInputStream(one), WriteOptions.defaults());
    }
    try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
      s.execute("INSERT INTO blobs (mount, key, sha256, size, ref_count, created_at)"
          + " SELECT 'main', 'org_bench/blobs/sha256/' || substr(h, 1, 2) || '/' || substr(h, 3, 2) || '/' || h, h, 1, 1,"
          + " now() - interval '1 day' FROM (SELECT lpad(to_hex(g), 64, '0') AS h FROM generate_series(0, "
          + (blobs - 1) + ") g) hashes");
      s.execute("ANALYZE blobs");
    }
  }

  /** Intents of uploads that committed nothing, whose content is absent: the work a crash leaves. */
  private static void leaveIntents(TestDatabase db, int count) throws Exception {
    try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
      s.execute("INSERT INTO blob_intents (mount, key, created_at) SELECT 'main',"
          + " 'org_bench/blobs/sha256/ff/ff/ffff' || lpad(to_hex(g), 60, '0'), now() - interval '1 day'"
          + " FROM generate_series(1, " + count + ") g");
    }
  }

  private record Listing(long visited, double seconds) {}

  /**
   * The pass this release replaced, step by step: list every stored object, and claim each one's
   * key in its own transaction (inserting nothing when its blob row exists).
   */
  private static Listing listingPass(StorageProvider store, Catalog catalog, Duration budget) {
    long started = System.nanoTime();
    long deadline = started + budget.toNanos();
    // Every stored object is older than the pass (a store's blobs are): each one is asked about.
    Instant cutoff = Instant.now();
    long visited = 0;
    Optional<String> after = Optional.empty();
    do {
      ObjectPage page = store.list("org_", after, PAGE);
      for (ObjectInfo object : page.objects()) {
        visited++;
        if (object.lastModified().isBefore(cutoff)) {
          String sha = object.key().substring(object.key().lastIndexOf('/') + 1);
          catalog.inTransaction(session -> session.blobs().insertIfAbsent("main", object.key(), sha, object.size(),
              Instant.now()));
        }
      }
      after = page.next();
    } while (after.isPresent() && System.nanoTime() < deadline);
    return new Listing(visited, (System.nanoTime() - started) / 1e9);
  }
}
