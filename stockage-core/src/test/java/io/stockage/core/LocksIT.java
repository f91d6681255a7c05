package io.stockage.core;

import static io.stockage.core.EngineFixture.ALICE;
import static io.stockage.core.EngineFixture.BOB;
import static io.stockage.core.EngineFixture.CAROL;
import static io.stockage.core.EngineFixture.MALLORY;
import static org.assertj.core.api.Assertions.assertThat;

import io.stockage.ChangeKind;
import io.stockage.ErrorKind;
import io.stockage.Item;
import io.stockage.ItemPatch;
import io.stockage.Location;
import io.stockage.Lock;
import io.stockage.LockRequest;
import io.stockage.LockTarget;
import io.stockage.Mount;
import io.stockage.MountRole;
import io.stockage.NewContent;
import io.stockage.NewUpload;
import io.stockage.OrgPermission;
import io.stockage.Project;
import io.stockage.StockageException;
import io.stockage.Subject;
import io.stockage.Upload;
import io.stockage.core.fs.FileSystemProvider;
import io.stockage.jdbc.JdbcCatalog;
import io.stockage.testkit.Failures;
import io.stockage.testkit.Samples;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Locks in the catalog: taking, refreshing, relocking and releasing by lock id; every mutating
 * operation of a locked file refused with {@code LOCKED} and its lock id unless the id is
 * presented; expiry on the engine's clock; one winner among concurrent relocks; live-mount paths;
 * the change feed and the audit log; restarts.
 */
class LocksIT {
  private static final Subject ROOT = Subject.of("acme", "root", OrgPermission.ADMIN);
  private static final String ID = "{\"S\":\"WOPI lock\",\"F\":4}";

  @TempDir
  Path root;

  private final AtomicReference<Duration> later = new AtomicReference<>(Duration.ZERO);
  private EngineFixture fx;
  private Project project;
  private Path share;

  @BeforeEach
  void start() throws Exception {
    share = java.nio.file.Files.createDirectories(root.resolve("share"));
    fx = EngineFixture.start(root.resolve("managed"), UnaryOperator.identity(), builder -> builder
        .mount(Mount.live("share", FileSystemProvider.create(share, false), io.stockage.OrgId.of("acme")))
        .clock(() -> Instant.now().plus(later.get())));
    project = fx.project();
  }

  @AfterEach
  void stop() {
    fx.close();
  }

  @Test
  void lock_refresh_relock_unlock_byIdOnly() {
    Item file = fx.upload(BOB, project, "plan.pdf", Samples.pdf("locked"));
    LockTarget target = LockTarget.item(file.id());
    Lock taken = fx.engine.locks().lock(BOB, LockRequest.of(target, ID));
    assertThat(taken.owner()).isEqualTo(BOB.user());
    assertThat(fx.engine.locks().get(CAROL, target)).as("a viewer reads the lock").contains(taken);
    assertThat(fx.engine.locks().lock(BOB, LockRequest.of(target, ID)).expiresAt())
        .as("the same id again refreshes").isAfterOrEqualTo(taken.expiresAt());
    assertThat(locked(() -> fx.engine.locks().lock(ALICE, LockRequest.of(target, "other")))).isEqualTo(ID);
    assertThat(locked(() -> fx.engine.locks().refresh(BOB, LockRequest.of(target, "other")))).isEqualTo(ID);
    assertThat(locked(() -> fx.engine.locks().unlock(BOB, target, "other"))).isEqualTo(ID);
    assertThat(locked(() -> fx.engine.locks().relock(BOB, LockRequest.of(target, "new"), "other"))).isEqualTo(ID);

    Lock relocked = fx.engine.locks().relock(ALICE, LockRequest.of(target, "new"), ID);
    assertThat(relocked.id()).isEqualTo("new");
    fx.engine.locks().unlock(ALICE, target, "new");
    assertThat(fx.engine.locks().get(BOB, target)).isEmpty();
    assertThat(locked(() -> fx.engine.locks().unlock(BOB, target, "new"))).as("not locked: an empty id").isEmpty();
    assertThat(locked(() -> fx.engine.locks().refresh(BOB, LockRequest.of(target, "new")))).isEmpty();

    Failures.expect(ErrorKind.PERMISSION_DENIED, () -> fx.engine.locks().lock(CAROL, LockRequest.of(target, ID)));
    Failures.expect(ErrorKind.NOT_FOUND, () -> fx.engine.locks().lock(MALLORY, LockRequest.of(target, ID)));
    Failures.expect(ErrorKind.NOT_FOUND, () -> fx.engine.locks().get(MALLORY, target));
  }

  @Test
  void lockIds_upTo1024Characters_comparedExactly() {
    Item file = fx.upload(BOB, project, "long.pdf", Samples.pdf("long id"));
    LockTarget target = LockTarget.item(file.id());
    String longest = "é".repeat(1023) + "x";
    fx.engine.locks().lock(BOB, LockRequest.of(target, longest));
    assertThat(locked(() -> fx.engine.locks().lock(BOB, LockRequest.of(target, "é".repeat(1023) + "X"))))
        .isEqualTo(longest);
    Failures.expect(ErrorKind.INVALID_ARGUMENT, () -> LockRequest.of(target, "x".repeat(1025)));
    Failures.expect(ErrorKind.INVALID_ARGUMENT, () -> LockRequest.of(target, ""));
  }

  @Test
  void anExpiredLock_isGone() {
    Item file = fx.upload(BOB, project, "expiring.pdf", Samples.pdf("expiring"));
    LockTarget target = LockTarget.item(file.id());
    fx.engine.locks().lock(BOB, LockRequest.of(target, ID).withTtl(Duration.ofMinutes(30)));
    later.set(Duration.ofMinutes(29));
    Failures.expect(ErrorKind.LOCKED, () -> fx.engine.files().rename(ALICE, file.id(), "renamed.pdf"));
    later.set(Duration.ofMinutes(31));
    assertThat(fx.engine.locks().get(BOB, target)).isEmpty();
    assertThat(fx.engine.files().rename(ALICE, file.id(), "renamed.pdf").name()).isEqualTo("renamed.pdf");
    fx.engine.locks().lock(ALICE, LockRequest.of(target, "after"));
  }

  static Stream<Arguments> mutations() {
    return Stream.of(
        op("write", (fx, s, f) -> fx.engine.files().write(s, f.id(), NewContent.of(new ByteArrayInputStream(
            Samples.pdf("next"))))),
        op("upload onto its name", (fx, s, f) -> fx.engine.files().upload(s, Upload.of(slug(fx, f), f.name(),
            new ByteArrayInputStream(Samples.pdf("onto the name"))))),
        op("resumable upload of a revision", (fx, s, f) -> fx.engine.uploads().create(s, NewUpload.revision(f.id()))),
        op("rename", (fx, s, f) -> fx.engine.files().rename(s, f.id(), "other-" + f.name())),
        op("update", (fx, s, f) -> fx.engine.files().update(s, f.id(), ItemPatch.none().withTags(java.util.Set.of("t")))),
        op("move", (fx, s, f) -> fx.engine.files().move(s, f.id(), Location.of(slug(fx, f),
            fx.engine.files().createFolder(s, Location.root(slug(fx, f)), "into-" + java.util.UUID.randomUUID()).id()))),
        op("restore a revision", (fx, s, f) -> fx.engine.revisions().restore(s, f.id(), 1)),
        op("trash", (fx, s, f) -> fx.engine.files().trash(s, f.id())));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mutations")
  void everyMutationOfALockedFile_isLocked_unlessItPresentsTheLockId(String name, Mutation mutation) throws Exception {
    Item file = fx.upload(BOB, project, "m-" + name.replace(' ', '-') + ".pdf", Samples.pdf("to be locked"));
    fx.engine.files().write(BOB, file.id(), NewContent.of(new ByteArrayInputStream(Samples.pdf("revision 2"))));
    fx.engine.locks().lock(BOB, LockRequest.of(LockTarget.item(file.id()), ID));
    Item current = fx.engine.files().stat(BOB, file.id());

    assertThat(locked(() -> mutation.apply(fx, ALICE, current))).as("by another user").isEqualTo(ID);
    assertThat(locked(() -> mutation.apply(fx, BOB, current))).as("by the lock's owner without its id").isEqualTo(ID);
    assertThat(locked(() -> mutation.apply(fx, ALICE.holding("wrong"), current))).isEqualTo(ID);
    mutation.apply(fx, ALICE.holding(ID), current);
  }

  @Test
  void aTrashedLockedFile_isPurgedOnlyWithTheLockId() {
    Item file = fx.upload(BOB, project, "purged.pdf", Samples.pdf("purged"));
    fx.engine.locks().lock(BOB, LockRequest.of(LockTarget.item(file.id()), ID));
    fx.engine.files().trash(BOB.holding(ID), file.id());
    assertThat(locked(() -> fx.engine.files().purge(ALICE, file.id()))).isEqualTo(ID);
    fx.engine.files().purge(ALICE.holding(ID), file.id());
  }

  @Test
  void concurrentRelocks_haveExactlyOneWinner() throws Exception {
    Item file = fx.upload(BOB, project, "race.pdf", Samples.pdf("race"));
    LockTarget target = LockTarget.item(file.id());
    fx.engine.locks().lock(BOB, LockRequest.of(target, "old"));
    ExecutorService pool = Executors.newFixedThreadPool(16);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<String>> calls = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      String mine = "new-" + i;
      Callable<String> call = () -> {
        go.await();
        try {
          return "won " + fx.engine.locks().relock(BOB, LockRequest.of(target, mine), "old").id();
        } catch (StockageException e) {
          return "lost " + e.kind() + " " + e.lockId().orElse("?");
        }
      };
      calls.add(pool.submit(call));
    }
    go.countDown();
    List<String> outcomes = new ArrayList<>();
    for (Future<String> call : calls) {
      outcomes.add(call.get());
    }
    pool.shutdown();
    List<String> won = outcomes.stream().filter(o -> o.startsWith("won")).toList();
    assertThat(won).hasSize(1);
    String winner = won.get(0).substring(4);
    assertThat(outcomes.stream().filter(o -> o.startsWith("lost"))).hasSize(49)
        .allMatch(o -> o.equals("lost LOCKED " + winner));
    assertThat(fx.engine.locks().get(BOB, target).orElseThrow().id()).isEqualTo(winner);
  }

  @Test
  void aLiveMountsPath_isLockedToo() {
    fx.engine.live().grant(ROOT, "share", BOB.user(), MountRole.EDITOR);
    fx.engine.live().grant(ROOT, "share", CAROL.user(), MountRole.EDITOR);
    fx.engine.live().put(BOB, io.stockage.EntryUpload.of("share", "docs/a.pdf",
        new ByteArrayInputStream(Samples.pdf("on the share"))));
    fx.engine.locks().lock(BOB, LockRequest.of(LockTarget.entry("share", "/docs/a.pdf"), ID));

    assertThat(locked(() -> fx.engine.live().put(CAROL, io.stockage.EntryUpload.of("share", "docs/a.pdf",
        new ByteArrayInputStream(Samples.pdf("over it")))))).isEqualTo(ID);
    assertThat(locked(() -> fx.engine.live().move(CAROL, "share", "docs/a.pdf", "docs/b.pdf"))).isEqualTo(ID);
    assertThat(locked(() -> fx.engine.live().delete(CAROL, "share", "docs/a.pdf"))).isEqualTo(ID);
    fx.engine.live().put(CAROL.holding(ID), io.stockage.EntryUpload.of("share", "docs/a.pdf",
        new ByteArrayInputStream(Samples.pdf("with the lock id"))));
    assertThat(fx.engine.locks().get(CAROL, LockTarget.entry("share", "docs/a.pdf"))).isPresent();
    Failures.expect(ErrorKind.NOT_FOUND,
        () -> fx.engine.locks().lock(ALICE, LockRequest.of(LockTarget.entry("share", "docs/a.pdf"), "x")));
  }

  @Test
  void locks_goToTheChangeFeedAndTheAuditLog_holdAcrossARestart_andAdminsBreakThem() {
    Item file = fx.upload(BOB, project, "audited.pdf", Samples.pdf("audited"));
    LockTarget target = LockTarget.item(file.id());
    fx.engine.locks().lock(BOB, LockRequest.of(target, ID));
    try (StockageEngine restarted = StockageEngine.builder()
        .catalog(JdbcCatalog.create(fx.db.dataSource()))
        .directory(fx.directory)
        .mount(Mount.managed("main", FileSystemProvider.create(root.resolve("managed"))))
        .indexing(false, Duration.ofSeconds(1), Duration.ofSeconds(30))
        .build()) {
      assertThat(restarted.locks().get(ALICE, target).orElseThrow().id()).isEqualTo(ID);
      assertThat(locked(() -> restarted.files().rename(ALICE, file.id(), "x.pdf"))).isEqualTo(ID);
    }
    Failures.expect(ErrorKind.PERMISSION_DENIED, () -> fx.engine.locks().breakLock(ALICE, target));
    fx.engine.locks().breakLock(ROOT, target);
    assertThat(fx.engine.locks().get(BOB, target)).isEmpty();

    assertThat(fx.count("SELECT count(*) FROM changes WHERE item_id = ? AND kind = ?", file.id().value(),
        ChangeKind.LOCKED.name())).isEqualTo(1);
    assertThat(fx.count("SELECT count(*) FROM changes WHERE item_id = ? AND kind = ?", file.id().value(),
        ChangeKind.UNLOCKED.name())).isEqualTo(1);
    assertThat(fx.count("SELECT count(*) FROM audit_log WHERE target = ? AND action IN ('lock', 'break-lock') AND outcome = 'ALLOWED'",
        file.id().toString())).isEqualTo(2);
  }

  /** A mutation of a file by a subject. */
  @FunctionalInterface
  interface Mutation {
    Object apply(EngineFixture fx, Subject subject, Item file) throws Exception;
  }

  private static Arguments op(String name, Mutation mutation) {
    return Arguments.of(name, mutation);
  }

  private static String slug(EngineFixture fx, Item file) {
    return fx.engine.projects().get(ALICE, file.project()).slug();
  }

  private static String locked(org.junit.jupiter.api.function.Executable call) {
    return Failures.expect(ErrorKind.LOCKED, call).lockId().orElseThrow();
  }

}
