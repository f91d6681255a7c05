package io.stockage.examples.bench;

import io.stockage.ChangeCursor;
import io.stockage.ChangeListener;
import io.stockage.ItemPatch;
import io.stockage.Mount;
import io.stockage.NewProject;
import io.stockage.OrgPermission;
import io.stockage.Project;
import io.stockage.ProjectRole;
import io.stockage.Subject;
import io.stockage.Subscription;
import io.stockage.Upload;
import io.stockage.core.StockageEngine;
import io.stockage.core.fs.FileSystemProvider;
import io.stockage.jdbc.JdbcCatalog;
import io.stockage.jdbc.JdbcDirectory;
import io.stockage.testkit.PostgresFixture;
import io.stockage.testkit.TestDatabase;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * The change feed's push, measured: from an upload's return (its transaction committed) to the
 * subscriber's listener, on the node that wrote and on another node (a second engine on the same
 * PostgreSQL), idle and under 200 writes/s; then 1,000 subscribers on one node (heap per
 * subscriber, delivery of each change to all of them). The floor, in the same run: a bare
 * {@code NOTIFY} to a {@code LISTEN} connection of the same database.
 */
public final class ChangeFeedBench {
  private static final Subject ALICE = Subject.of("acme", "alice", OrgPermission.CREATE_PROJECT);
  private static final Subject BOB = Subject.of("acme", "bob");
  private static final Subject CAROL = Subject.of("acme", "carol");
  private static final int PROBES = Integer.getInteger("stockage.bench.changes.probes", 200);
  private static final int SUBSCRIBERS = Integer.getInteger("stockage.bench.changes.subscribers", 1000);

  private ChangeFeedBench() {}

  /**
   * Runs the benchmark and prints its tables.
   *
   * @param args the directory to work in; the system's temporary directory by default
   * @throws Exception when the set-up fails
   */
  public static void main(String[] args) throws Exception {
    Path base = Path.of(args.length > 0 ? args[0] : System.getProperty("java.io.tmpdir")).toAbsolutePath();
    Files.createDirectories(base);
    Path storage = Files.createTempDirectory(base, "stockage-changes-bench-");
    System.out.println("Stockage change feed benchmark");
    System.out.printf("  JVM: %s %s, %d processors; catalog: PostgreSQL from stockage-testkit; %d probes per row%n%n",
        System.getProperty("java.vm.name"), Runtime.version(), Runtime.getRuntime().availableProcessors(), PROBES);
    try (TestDatabase db = PostgresFixture.create()) {
      JdbcDirectory directory = JdbcDirectory.create(db.dataSource());
      FileSystemProvider fs = FileSystemProvider.create(storage);
      try (StockageEngine nodeA = engine(db, directory, fs); StockageEngine nodeB = engine(db, directory, fs)) {
        Project project = nodeA.projects().create(ALICE, NewProject.of("bench", "Bench"));
        nodeA.projects().addMember(ALICE, "bench", BOB.user(), ProjectRole.EDITOR);
        nodeA.projects().addMember(ALICE, "bench", CAROL.user(), ProjectRole.VIEWER);
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("commit -> subscriber", "p50 ms", "p95 ms", "p99 ms", "target p99"));
        rows.add(row("floor: bare NOTIFY -> LISTEN", notifyFloor(db), ""));
        rows.add(row("one node, idle", latency(nodeA, nodeA, project, false), "< 100"));
        rows.add(row("two nodes, idle", latency(nodeA, nodeB, project, false), "< 100"));
        rows.add(row("one node, 200 writes/s", latency(nodeA, nodeA, project, true), "< 500"));
        rows.add(row("two nodes, 200 writes/s", latency(nodeA, nodeB, project, true), "< 500"));
        System.out.print(TextTable.format(rows, 1));
        System.out.println("  from upload() returning (its transaction committed) to onChange; probes 20 ms apart;"
            + " the load is tag updates by other threads, paced to 200 changes/s");
        System.out.println();
        fanOut(nodeA, nodeB, project);
      }
    }
  }

  private static StockageEngine engine(TestDatabase db, JdbcDirectory directory, FileSystemProvider fs) {
    return StockageEngine.builder()
        .catalog(JdbcCatalog.create(db.dataSource()))
        .directory(directory)
        .mount(Mount.managed("main", fs))
        .indexing(false, Duration.ofSeconds(1), Duration.ofMinutes(5))
        .build();
  }

  // NOTIFY on one connection, LISTEN on another: the database's own wake-up latency.
  private static List<Long> notifyFloor(TestDatabase db) throws Exception {
    List<Long> nanos = new ArrayList<>();
    try (Connection listen = db.dataSource().getConnection(); Connection send = db.dataSource().getConnection();
        Statement l = listen.createStatement(); Statement s = send.createStatement()) {
      listen.setAutoCommit(true);
      send.setAutoCommit(true);
      l.execute("LISTEN bench_floor");
      PGConnection pg = listen.unwrap(PGConnection.class);
      for (int n = 0; n < PROBES; n++) {
        long sent = System.nanoTime();
        s.execute("NOTIFY bench_floor");
        PGNotification[] notes;
        do {
          notes = pg.getNotifications(1000);
        } while (notes == null || notes.length == 0);
        nanos.add(System.nanoTime() - sent);
        Thread.sleep(5);
      }
    }
    return nanos;
  }

  private static List<Long> latency(StockageEngine writer, StockageEngine reader, Project project, boolean load)
      throws Exception {
    Map<String, Long> returned = new ConcurrentHashMap<>();
    List<Long> nanos = Collections.synchronizedList(new ArrayList<>());
    CountDownLatch all = new CountDownLatch(PROBES);
    String run = Long.toString(System.nanoTime(), 36);
    ChangeListener probe = change -> {
      long now = System.nanoTime();
      String name = change.name().orElse("");
      if (name.startsWith("probe-" + run + "-")) {
        nanos.add(Percentiles.since(returned, name, now));
        all.countDown();
      }
    };
    AtomicBoolean loading = new AtomicBoolean(load);
    List<Thread> loaders = new ArrayList<>();
    if (load) {
      io.stockage.Item target = writer.files().upload(BOB, Upload.of(project.slug(), "load-" + run + ".pdf",
          new ByteArrayInputStream(pdf())));
      for (int t = 0; t < 4; t++) {
        int thread = t;
        Thread loader = new Thread(() -> {
          long next = System.nanoTime();
          long n = 0;
          while (loading.get()) {
            writer.files().update(BOB, target.id(), ItemPatch.none().withTags(Set.of("t" + thread + "-" + (n++ % 2))));
            next += TimeUnit.MILLISECONDS.toNanos(20); // 4 threads x 50/s
            long wait = next - System.nanoTime();
            if (wait > 0) {
              sleepNanos(wait);
            }
          }
        }, "load-" + t);
        loader.start();
        loaders.add(loader);
      }
    }
    ChangeCursor from = reader.changes().latestCursor(CAROL);
    try (Subscription s = reader.changes().subscribe(CAROL, from, probe)) {
      Thread.sleep(300);
      for (int n = 0; n < PROBES; n++) {
        String name = "probe-" + run + "-" + n + ".pdf";
        writer.files().upload(BOB, Upload.of(project.slug(), name, new ByteArrayInputStream(pdf())));
        returned.put(name, System.nanoTime());
        Thread.sleep(20);
      }
      if (!all.await(60, TimeUnit.SECONDS)) {
        System.out.printf("  (%d of %d probes never arrived)%n", all.getCount(), PROBES);
      }
    } finally {
      loading.set(false);
      for (Thread loader : loaders) {
        loader.join();
      }
    }
    return nanos;
  }

  // Many subscribers on one node: heap per subscriber, and how long until every one has a change.
  private static void fanOut(StockageEngine writer, StockageEngine reader, Project project) throws Exception {
    System.gc();
    long before = usedHeap();
    int changes = 20;
    CountDownLatch done = new CountDownLatch(SUBSCRIBERS * changes);
    Map<String, Long> returned = new ConcurrentHashMap<>();
    List<Long> lastDelivery = Collections.synchronizedList(new ArrayList<>());
    Map<String, AtomicLong> deliveredTo = new ConcurrentHashMap<>();
    String run = Long.toString(System.nanoTime(), 36);
    ChangeCursor from = reader.changes().latestCursor(CAROL);
    List<Subscription> subscriptions = new ArrayList<>();
    for (int n = 0; n < SUBSCRIBERS; n++) {
      // Each a user of its own, who sees the organization's regular files: no two share a read.
      Subject reader1 = Subject.of("acme", "reader-" + n, OrgPermission.VIEW);
      subscriptions.add(reader.changes().subscribe(reader1, from, change -> {
        String name = change.name().orElse("");
        if (name.startsWith("fan-" + run)) {
          long count = deliveredTo.computeIfAbsent(name, k -> new AtomicLong()).incrementAndGet();
          if (count == SUBSCRIBERS) {
            lastDelivery.add(Percentiles.since(returned, name, System.nanoTime()));
          }
          done.countDown();
        }
      }));
    }
    Thread.sleep(2000);
    System.gc();
    long after = usedHeap();
    for (int n = 0; n < changes; n++) {
      String name = "fan-" + run + "-" + n + ".pdf";
      writer.files().upload(BOB, Upload.of(project.slug(), name, new ByteArrayInputStream(pdf())));
      returned.put(name, System.nanoTime());
      Thread.sleep(200);
    }
    boolean complete = done.await(120, TimeUnit.SECONDS);
    subscriptions.forEach(Subscription::close);
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of(String.format(Locale.ROOT, "%,d subscribers (distinct users), one node", SUBSCRIBERS), "value"));
    rows.add(List.of("heap per subscriber", String.format(Locale.ROOT, "%,d bytes",
        Math.max(0, after - before) / SUBSCRIBERS)));
    rows.add(List.of("upload -> last of the subscribers, p50", Percentiles.ms(Percentiles.of(lastDelivery, 50))));
    rows.add(List.of("upload -> last of the subscribers, p99", Percentiles.ms(Percentiles.of(lastDelivery, 99))));
    rows.add(List.of("every change reached every subscriber", complete ? "yes" : "NO"));
    System.out.print(TextTable.format(rows, 1));
    System.out.printf("  %d uploads 200 ms apart; in-JVM listeners (an SSE client adds its servlet async context)%n",
        changes);
  }

  private static List<String> row(String name, List<Long> nanos, String target) {
    return List.of(name, Percentiles.ms(Percentiles.of(nanos, 50)), Percentiles.ms(Percentiles.of(nanos, 95)),
        Percentiles.ms(Percentiles.of(nanos, 99)), target);
  }

  private static long usedHeap() {
    Runtime r = Runtime.getRuntime();
    return r.totalMemory() - r.freeMemory();
  }

  private static byte[] pdf() {
    return io.stockage.testkit.Samples.pdf("probe");
  }

  private static void sleepNanos(long nanos) {
    try {
      TimeUnit.NANOSECONDS.sleep(nanos);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
