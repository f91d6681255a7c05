package io.stockage.core;

import static io.stockage.core.EngineFixture.ALICE;
import static io.stockage.core.EngineFixture.BOB;
import static io.stockage.core.EngineFixture.CAROL;
import static io.stockage.core.EngineFixture.DAVE;
import static io.stockage.core.EngineFixture.MALLORY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stockage.Change;
import io.stockage.ChangeCursor;
import io.stockage.ChangeKind;
import io.stockage.ChangeListener;
import io.stockage.ChangePage;
import io.stockage.ErrorKind;
import io.stockage.Item;
import io.stockage.ItemPatch;
import io.stockage.Location;
import io.stockage.Mount;
import io.stockage.NewContent;
import io.stockage.Project;
import io.stockage.ProjectRole;
import io.stockage.StockageException;
import io.stockage.Subject;
import io.stockage.Subscription;
import io.stockage.Subscription.CloseReason;
import io.stockage.jdbc.JdbcCatalog;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The change feed on a real engine: what each subject reads (its items, access lost, nothing of
 * another organization), retention, and push: across two engines on one database with the
 * listening connection killed, and past a listener that stalls.
 */
class ChangeFeedIT {
  @TempDir
  Path root;

  private EngineFixture fx;
  private Project project;

  @BeforeEach
  void start() {
    fx = EngineFixture.start(root, UnaryOperator.identity(), builder -> builder
        .indexing(false, Duration.ofSeconds(1), Duration.ofMinutes(5))
        .changeFeed(Duration.ofMinutes(1), Duration.ofMillis(500), Duration.ofDays(30)));
    project = fx.project();
  }

  @AfterEach
  void stop() {
    fx.close();
  }

  @Test
  void page_everyKindOfChange_inOrderWithWhatItCarries() {
    ChangeCursor start = fx.engine.changes().latestCursor(CAROL);
    Item folder = fx.engine.files().createFolder(BOB, Location.root(project.slug()), "plans");
    Item file = fx.upload(BOB, project, "a.pdf", pdf("one"));
    fx.engine.files().write(BOB, file.id(), NewContent.of(new ByteArrayInputStream(pdf("two"))));
    fx.engine.files().rename(BOB, file.id(), "b.pdf");
    fx.engine.files().move(BOB, file.id(), Location.of(project.slug(), folder.id()));
    fx.engine.files().update(BOB, file.id(), ItemPatch.none().withTags(Set.of("steel")));
    fx.engine.files().trash(BOB, file.id());
    fx.engine.files().restore(BOB, file.id());
    fx.engine.files().trash(BOB, file.id());
    fx.engine.files().purge(BOB, file.id());

    List<Change> changes = all(CAROL, start);

    assertThat(changes).extracting(Change::kind).containsExactly(ChangeKind.ADDED, ChangeKind.ADDED,
        ChangeKind.UPDATED, ChangeKind.RENAMED, ChangeKind.MOVED, ChangeKind.METADATA_CHANGED, ChangeKind.TRASHED,
        ChangeKind.RESTORED, ChangeKind.TRASHED, ChangeKind.PURGED);
    assertThat(changes).extracting(Change::cursor).isSorted().doesNotHaveDuplicates();
    Change moved = changes.get(4);
    assertThat(moved.item()).contains(file.id());
    assertThat(moved.parent()).contains(folder.id());
    assertThat(moved.name()).contains("b.pdf");
    assertThat(moved.revision()).hasValue(2);
    assertThat(moved.actor()).contains(BOB.user());
    assertThat(moved.project()).contains(project.id());
    assertThat(changes.get(9).item()).as("a purged item is still named by id").contains(file.id());
  }

  @Test
  void page_subjectsSeeOnlyWhatTheyMayView_andLostAccessIsSaid() {
    Project other = fx.engine.projects().create(ALICE, io.stockage.NewProject.of("private", "Private"));
    ChangeCursor start = fx.engine.changes().latestCursor(DAVE);
    Item shared = fx.engine.files().createFolder(ALICE, Location.root(other.slug()), "shared");
    Item inside = fx.engine.files().upload(ALICE, io.stockage.Upload.of(Location.of(other.slug(), shared.id()), "in.pdf",
        new ByteArrayInputStream(pdf("in"))));
    Item secret = fx.engine.files().upload(ALICE, io.stockage.Upload.of(other.slug(), "secret.pdf",
        new ByteArrayInputStream(pdf("secret"))));
    fx.upload(BOB, project, "team.pdf", pdf("team"));

    assertThat(all(DAVE, start)).as("dave belongs to no project").isEmpty();
    assertThat(all(CAROL, start)).extracting(Change::name).containsExactly(java.util.Optional.of("team.pdf"));

    fx.engine.access().grant(ALICE, shared.id(), DAVE.user(), ProjectRole.VIEWER);
    fx.engine.files().rename(ALICE, inside.id(), "inside.pdf");
    List<Change> granted = all(DAVE, start);
    assertThat(granted).extracting(Change::kind, c -> c.item().orElseThrow())
        .as("what dave sees now, including what came before the grant")
        .containsExactly(org.assertj.core.groups.Tuple.tuple(ChangeKind.ADDED, shared.id()),
            org.assertj.core.groups.Tuple.tuple(ChangeKind.ADDED, inside.id()),
            org.assertj.core.groups.Tuple.tuple(ChangeKind.PERMISSIONS_CHANGED, shared.id()),
            org.assertj.core.groups.Tuple.tuple(ChangeKind.RENAMED, inside.id()));
    assertThat(granted).extracting(c -> c.item().orElseThrow()).doesNotContain(secret.id());

    ChangeCursor beforeMove = fx.engine.changes().latestCursor(DAVE);
    fx.engine.files().move(ALICE, inside.id(), Location.root(other.slug()));
    List<Change> movedAway = all(DAVE, beforeMove);
    ChangeCursor beforeRevoke = fx.engine.changes().latestCursor(DAVE);
    fx.engine.access().revoke(ALICE, shared.id(), DAVE.user());
    List<Change> revoked = all(DAVE, beforeRevoke);
    assertThat(movedAway).extracting(Change::kind, c -> c.item().orElseThrow()).as("moved out of what dave sees")
        .containsExactly(org.assertj.core.groups.Tuple.tuple(ChangeKind.ACCESS_LOST, inside.id()));
    assertThat(revoked).extracting(Change::kind, c -> c.item().orElseThrow())
        .containsExactly(org.assertj.core.groups.Tuple.tuple(ChangeKind.ACCESS_LOST, shared.id()));
    assertThat(all(DAVE, start)).as("read again from the start: only the folder's loss (it held the rest)")
        .extracting(Change::kind, c -> c.item().orElseThrow())
        .containsExactly(org.assertj.core.groups.Tuple.tuple(ChangeKind.ACCESS_LOST, shared.id()));
    List<Change> lost = new ArrayList<>(movedAway);
    lost.addAll(revoked);
    assertThat(lost).allSatisfy(c -> {
      assertThat(c.name()).as("ids only").isEmpty();
      assertThat(c.actor()).isEmpty();
    });

    ChangeCursor beforeLeaving = fx.engine.changes().latestCursor(CAROL);
    fx.engine.projects().removeMember(ALICE, project.slug(), CAROL.user());
    assertThat(all(CAROL, beforeLeaving)).singleElement().satisfies(c -> {
      assertThat(c.kind()).isEqualTo(ChangeKind.ACCESS_LOST);
      assertThat(c.item()).isEmpty();
      assertThat(c.project()).contains(project.id());
    });

    assertThat(all(MALLORY, ChangeCursor.START)).as("another organization's").isEmpty();
    assertThatThrownBy(() -> fx.engine.changes().page(MALLORY, project.id(), ChangeCursor.START, 10))
        .isInstanceOfSatisfying(StockageException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.NOT_FOUND));
  }

  @Test
  void page_narrowedToAProject_onlyItsChanges() {
    Project second = fx.project();
    ChangeCursor start = fx.engine.changes().latestCursor(CAROL);
    fx.upload(BOB, project, "first.pdf", pdf("1"));
    fx.upload(BOB, second, "second.pdf", pdf("2"));

    ChangePage page = fx.engine.changes().page(CAROL, second.id(), start, 100);

    assertThat(page.changes()).extracting(Change::name).containsExactly(java.util.Optional.of("second.pdf"));
  }

  @Test
  void page_cursorBeforeRetention_resyncRequired() throws Exception {
    fx.close();
    fx = EngineFixture.start(root, UnaryOperator.identity(), builder -> builder
        .indexing(false, Duration.ofSeconds(1), Duration.ofMinutes(5))
        .changeFeed(Duration.ofMinutes(1), Duration.ofSeconds(10), Duration.ofMillis(1)));
    project = fx.project();
    ChangeCursor old = fx.engine.changes().latestCursor(CAROL);
    fx.upload(BOB, project, "a.pdf", pdf("a"));
    Thread.sleep(20);

    assertThat(fx.engine.maintenance().pruneChanges()).isPositive();

    assertThatThrownBy(() -> fx.engine.changes().page(CAROL, old, 10))
        .isInstanceOfSatisfying(StockageException.class,
            e -> assertThat(e.kind()).isEqualTo(ErrorKind.RESYNC_REQUIRED));
    assertThatThrownBy(() -> fx.engine.changes().subscribe(CAROL, old, new Recorder()))
        .as("a subscription from there is refused at once")
        .isInstanceOfSatisfying(StockageException.class,
            e -> assertThat(e.kind()).isEqualTo(ErrorKind.RESYNC_REQUIRED));
    ChangeCursor now = fx.engine.changes().latestCursor(CAROL);
    fx.upload(BOB, project, "b.pdf", pdf("b"));
    assertThat(all(CAROL, now)).extracting(Change::name).containsExactly(java.util.Optional.of("b.pdf"));
  }

  @Test
  void page_badLimitOrCursor_invalidArgument() {
    assertThatThrownBy(() -> fx.engine.changes().page(CAROL, ChangeCursor.START, 0))
        .isInstanceOfSatisfying(StockageException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_ARGUMENT));
    assertThatThrownBy(() -> ChangeCursor.parse("not-a-cursor"))
        .isInstanceOfSatisfying(StockageException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_ARGUMENT));
    ChangeCursor cursor = fx.engine.changes().latestCursor(CAROL);
    assertThat(ChangeCursor.parse(cursor.toString())).isEqualTo(cursor);
  }

  @Test
  void subscribe_twoEnginesAndTheListeningConnectionKilled_nothingMissedNothingTwice() throws Exception {
    // Node B reads on its own only once a minute: what arrives sooner came through LISTEN/NOTIFY.
    try (StockageEngine nodeB = StockageEngine.builder()
        .catalog(JdbcCatalog.create(fx.db.dataSource()))
        .directory(fx.directory)
        .mount(Mount.managed("main", fx.fs))
        .indexing(false, Duration.ofSeconds(1), Duration.ofMinutes(5))
        .changeFeed(Duration.ofMinutes(1), Duration.ofSeconds(10), Duration.ofDays(30))
        .build()) {
      Recorder carol = new Recorder();
      ChangeCursor start = nodeB.changes().latestCursor(CAROL);
      try (Subscription subscription = nodeB.changes().subscribe(CAROL, start, carol)) {
        waitFor(() -> listenerPid() != 0, "node B listens");
        fx.upload(BOB, project, "first.pdf", pdf("1"));
        waitFor(() -> carol.names().contains("first.pdf"), "node A's upload reaches node B");

        long killed = listenerPid();
        assertThat(fx.count("SELECT count(*) FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
            + " WHERE application_name = 'stockage-listen'"
            + " AND datname = current_database()) t")).isEqualTo(1);
        for (int n = 0; n < 5; n++) {
          fx.upload(BOB, project, "after-" + n + ".pdf", pdf("n" + n));
        }
        waitFor(() -> carol.names().size() == 6, "everything after the kill");
        assertThat(listenerPid()).as("node B listens again, on a new connection").isNotZero().isNotEqualTo(killed);
        fx.upload(BOB, project, "last.pdf", pdf("last"));
        waitFor(() -> carol.names().size() == 7, "the upload after the reconnect");

        assertThat(carol.names()).containsExactly("first.pdf", "after-0.pdf", "after-1.pdf", "after-2.pdf",
            "after-3.pdf", "after-4.pdf", "last.pdf");
        assertThat(subscription.cursor()).isGreaterThanOrEqualTo(carol.changes.get(6).cursor());
      }
      assertThat(carol.closed.get()).isEqualTo(CloseReason.CLOSED);
    }
  }

  @Test
  void subscribe_aListenerThatStalls_isDroppedAndResumesWhileOthersGoOn() throws Exception {
    fx.close();
    fx = EngineFixture.start(root, UnaryOperator.identity(), builder -> builder
        .indexing(false, Duration.ofSeconds(1), Duration.ofMinutes(5))
        .changeFeed(Duration.ofMillis(100), Duration.ofMillis(300), Duration.ofDays(30)));
    project = fx.project();
    ChangeCursor start = fx.engine.changes().latestCursor(CAROL);
    CountDownLatch unblock = new CountDownLatch(1);
    Recorder slow = new Recorder() {
      @Override
      public void onChange(Change change) {
        super.onChange(change);
        await(unblock);
      }
    };
    Recorder fast = new Recorder();
    try (Subscription s1 = fx.engine.changes().subscribe(CAROL, start, slow);
        Subscription s2 = fx.engine.changes().subscribe(CAROL, start, fast)) {
      for (int n = 0; n < 3; n++) {
        fx.upload(BOB, project, "f" + n + ".pdf", pdf("f" + n));
      }
      waitFor(() -> fast.names().size() == 3, "the fast listener gets everything");
      waitFor(() -> slow.closed.get() != null, "the slow one is dropped");
      assertThat(slow.closed.get()).isEqualTo(CloseReason.SLOW_LISTENER);
      assertThat(slow.resumeFrom.get()).as("before the change it held").isLessThan(slow.changes.get(0).cursor());
      unblock.countDown();

      Recorder resumed = new Recorder();
      try (Subscription s3 = fx.engine.changes().subscribe(CAROL, slow.resumeFrom.get(), resumed)) {
        waitFor(() -> resumed.names().size() == 3, "the resumed listener");
        assertThat(resumed.names()).containsExactly("f0.pdf", "f1.pdf", "f2.pdf");
      }
    }
  }

  private List<Change> all(Subject subject, ChangeCursor from) {
    List<Change> all = new ArrayList<>();
    ChangeCursor cursor = from;
    ChangePage page;
    do {
      page = fx.engine.changes().page(subject, cursor, 3);
      all.addAll(page.changes());
      cursor = page.next();
    } while (page.changes().size() == 3);
    return all;
  }

  private long listenerPid() {
    return fx.count("SELECT coalesce(max(pid), 0) FROM pg_stat_activity WHERE application_name = 'stockage-listen'"
        + " AND datname = current_database()");
  }

  private static byte[] pdf(String text) {
    return io.stockage.testkit.Samples.pdf(text);
  }

  private static void waitFor(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting: " + what);
      }
      Thread.sleep(20);
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Records what a subscription delivers. */
  private static class Recorder implements ChangeListener {
    final List<Change> changes = new CopyOnWriteArrayList<>();
    final AtomicReference<CloseReason> closed = new AtomicReference<>();
    final AtomicReference<ChangeCursor> resumeFrom = new AtomicReference<>();

    @Override
    public void onChange(Change change) {
      changes.add(change);
    }

    @Override
    public void onClosed(CloseReason reason, ChangeCursor cursor) {
      resumeFrom.set(cursor);
      closed.set(reason);
    }

    List<String> names() {
      return changes.stream().map(c -> c.name().orElse("?")).toList();
    }
  }
}
