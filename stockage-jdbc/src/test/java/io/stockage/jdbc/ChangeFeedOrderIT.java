package io.stockage.jdbc;

import static io.stockage.jdbc.TestData.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

import io.stockage.Change;
import io.stockage.ChangeCursor;
import io.stockage.ChangeKind;
import io.stockage.ChangePage;
import io.stockage.Item;
import io.stockage.Project;
import io.stockage.ProjectRole;
import io.stockage.spi.catalog.ChangeRecord;
import io.stockage.spi.catalog.FeedSpec;
import io.stockage.testkit.PostgresExtension;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The feed's cursor follows commit order: writers that commit in another order than they wrote,
 * some rolling back, and one transaction held open for seconds; a reader polling throughout and
 * restarted from its cursor's text gets every committed change once, in cursor order. A reader
 * of the bare sequence number, beside it, misses the late one: the scenario bites.
 */
class ChangeFeedOrderIT {
  @RegisterExtension
  static final PostgresExtension POSTGRES = new PostgresExtension();

  private static final int WRITERS = 16;
  private static final int PER_WRITER = 40;

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
  void feed_concurrentWritersAndALongTransaction_everyCommittedChangeOnceInCursorOrder() throws Exception {
    Project project = TestData.newProject(catalog, "order");
    catalog.inTransaction(s -> s.projects().putMember(project.id(), ALICE, ProjectRole.VIEWER, TestData.T0));
    Item file = TestData.file(project, Optional.empty(), "f.pdf");
    TestData.insert(catalog, file);
    FeedSpec alice = new FeedSpec(project.org(), ALICE, Set.of(), false, false, Optional.empty());
    ChangeCursor start = catalog.read(s -> s.changes().horizon());
    Map<String, Instant> committed = new ConcurrentHashMap<>();
    AtomicBoolean writing = new AtomicBoolean(true);
    ExecutorService pool = Executors.newFixedThreadPool(WRITERS + 3);
    CountDownLatch longWritten = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    try {
      Future<?> longOne = pool.submit(() -> catalog.inTransaction(s -> {
        ChangeRecord record = change(file, "long");
        s.changes().append(record);
        longWritten.countDown();
        await(release);
        committed.put("long", record.at());
        return null;
      }));
      longWritten.await();
      long heldUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
      Future<List<String>> naive = pool.submit(() -> naiveReader(project, writing));
      Future<List<Change>> consumer = pool.submit(() -> consume(alice, start, writing));
      List<Future<?>> writers = new ArrayList<>();
      for (int w = 0; w < WRITERS; w++) {
        int writer = w;
        writers.add(pool.submit(() -> write(file, writer, committed)));
      }
      for (Future<?> writer : writers) {
        writer.get(120, TimeUnit.SECONDS);
      }
      // The long transaction stays open for 3 s at least, while the others commit around it.
      Thread.sleep(Math.max(0, TimeUnit.NANOSECONDS.toMillis(heldUntil - System.nanoTime())));
      Instant now = Instant.now();
      Duration lag = catalog.read(s -> s.changes().lag(now));
      release.countDown();
      longOne.get(30, TimeUnit.SECONDS);
      Thread.sleep(300);
      writing.set(false);

      List<Change> received = consumer.get(60, TimeUnit.SECONDS);
      List<String> names = received.stream().map(c -> c.name().orElseThrow()).toList();
      assertThat(names).doesNotHaveDuplicates();
      assertThat(new HashSet<>(names)).isEqualTo(committed.keySet());
      assertThat(received).extracting(Change::cursor).isSorted();
      // The lag is the age of the oldest change committed behind the open transaction (its own is
      // not visible yet): every writer began after it, so the oldest committed writer's change.
      Instant oldestHeldBack = committed.entrySet().stream()
          .filter(e -> !e.getKey().equals("long")).map(Map.Entry::getValue).min(Comparator.naturalOrder()).orElseThrow();
      assertThat(lag).as("the long transaction holds the feed back")
          .isCloseTo(Duration.between(oldestHeldBack, now), Duration.ofMillis(1))
          .isGreaterThan(Duration.ofSeconds(2));
      assertThat(naive.get(30, TimeUnit.SECONDS)).as("a reader of the bare sequence").doesNotContain("long");
    } finally {
      release.countDown();
      writing.set(false);
      pool.shutdownNow();
    }
  }

  private static void write(Item file, int writer, Map<String, Instant> committed) {
    Random random = new Random(writer);
    for (int n = 0; n < PER_WRITER; n++) {
      String name = "w" + writer + "-" + n;
      boolean rollBack = random.nextInt(10) == 0;
      int delay = random.nextInt(25);
      AtomicReference<Instant> at = new AtomicReference<>();
      try {
        catalog.inTransaction(s -> {
          ChangeRecord record = change(file, name);
          s.changes().append(record);
          at.set(record.at());
          sleep(delay);
          if (rollBack) {
            throw new IllegalStateException("rolled back");
          }
          return null;
        });
        committed.put(name, at.get());
      } catch (IllegalStateException expected) {
        // this change never happened
      }
    }
  }

  // Polls from its cursor, starting again from the cursor's text each time (as a restarted client would).
  private static List<Change> consume(FeedSpec reader, ChangeCursor start, AtomicBoolean writing) {
    List<Change> received = new ArrayList<>();
    String kept = start.toString();
    while (true) {
      ChangeCursor cursor = ChangeCursor.parse(kept);
      boolean last = !writing.get();
      ChangePage page = catalog.read(s -> s.changes().read(reader, cursor, 25));
      received.addAll(page.changes());
      kept = page.next().toString();
      if (last && page.changes().size() < 25) {
        return received;
      }
      sleep(page.changes().isEmpty() ? 10 : 0);
    }
  }

  private static List<String> naiveReader(Project project, AtomicBoolean writing) throws Exception {
    List<String> seen = new ArrayList<>();
    long last = 0;
    try (Connection c = POSTGRES.database().dataSource().getConnection();
        PreparedStatement q = c.prepareStatement(
            "SELECT seq, name FROM changes WHERE project_id = ? AND seq > ? ORDER BY seq")) {
      boolean more = true;
      while (more) {
        more = writing.get();
        q.setObject(1, project.id().value());
        q.setLong(2, last);
        try (ResultSet rows = q.executeQuery()) {
          while (rows.next()) {
            last = rows.getLong(1);
            seen.add(rows.getString(2));
          }
        }
        sleep(5);
      }
    }
    return seen;
  }

  private static ChangeRecord change(Item file, String name) {
    return ChangeRecord.of(file.withName(name, Instant.now()), ChangeKind.UPDATED, ALICE, Instant.now());
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
