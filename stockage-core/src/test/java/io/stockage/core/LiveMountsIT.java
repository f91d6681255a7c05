package io.stockage.core;

import static io.stockage.core.EngineFixture.BOB;
import static io.stockage.core.EngineFixture.CAROL;
import static io.stockage.core.EngineFixture.DAVE;
import static io.stockage.core.EngineFixture.MALLORY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stockage.ByteRange;
import io.stockage.Entry;
import io.stockage.EntryContent;
import io.stockage.EntryQuery;
import io.stockage.EntryUpload;
import io.stockage.ErrorKind;
import io.stockage.Mount;
import io.stockage.MountRole;
import io.stockage.OrgId;
import io.stockage.OrgPermission;
import io.stockage.PageRequest;
import io.stockage.PolicyReason;
import io.stockage.StockageException;
import io.stockage.Subject;
import io.stockage.core.fs.FileSystemProvider;
import io.stockage.testkit.Samples;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/** A live mount on a local folder: the folder is the source of truth, permissions are per mount. */
class LiveMountsIT {
  private static final Subject ROOT = Subject.of("acme", "root", OrgPermission.ADMIN);
  private static final Duration TTL = Duration.ofSeconds(5);
  /** The engine's time runs ahead of the system's by this: tests move it instead of sleeping. */
  private static final java.util.concurrent.atomic.AtomicReference<Duration> OFFSET =
      new java.util.concurrent.atomic.AtomicReference<>(Duration.ZERO);

  @TempDir
  static Path dir;
  static Path share;
  static EngineFixture fx;

  @BeforeAll
  static void start() throws IOException {
    share = Files.createDirectories(dir.resolve("share"));
    fx = EngineFixture.start(dir.resolve("managed"), c -> c, b -> b
        .mount(Mount.live("share", FileSystemProvider.create(share, false), OrgId.of("acme")))
        .liveListingTtl(TTL)
        .clock(() -> java.time.Instant.now().plus(OFFSET.get())));
    fx.engine.live().grant(ROOT, "share", BOB.user(), MountRole.EDITOR);
    fx.engine.live().grant(ROOT, "share", CAROL.user(), MountRole.VIEWER);
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  private static void assertKind(Executable call, ErrorKind kind) {
    assertThatThrownBy(call::execute).isInstanceOfSatisfying(StockageException.class,
        e -> assertThat(e.kind()).isEqualTo(kind));
  }

  private static java.util.List<String> names(Subject s, String path) {
    return fx.engine.live().list(s, "share", path, PageRequest.first(100)).items().stream().map(Entry::name).toList();
  }

  @Test
  void changesOnTheFolderAndThroughStockage_appearInTheChangeFeed() throws Exception {
    awaitScan();
    io.stockage.ChangeCursor cursor = fx.engine.changes().latestCursor(CAROL);
    Files.createDirectories(share.resolve("watched"));
    Files.write(share.resolve("watched/outside.pdf"), io.stockage.testkit.Samples.pdf("written outside"));
    java.util.List<io.stockage.Change> seen = awaitChanges(cursor, 2);
    assertThat(seen).extracting(c -> c.kind() + " " + c.path().orElseThrow())
        .containsExactly("ADDED watched", "ADDED watched/outside.pdf");

    io.stockage.ChangeCursor next = seen.get(1).cursor();
    fx.engine.live().put(BOB, io.stockage.EntryUpload.of("share", "watched/inside.pdf",
        new java.io.ByteArrayInputStream(io.stockage.testkit.Samples.pdf("written through Stockage"))));
    Files.write(share.resolve("watched/outside.pdf"), io.stockage.testkit.Samples.pdf("written outside, again"));
    Files.setLastModifiedTime(share.resolve("watched/outside.pdf"),
        java.nio.file.attribute.FileTime.from(java.time.Instant.now().plusSeconds(5)));
    assertThat(awaitChanges(next, 2)).extracting(c -> c.kind() + " " + c.path().orElseThrow())
        .containsExactlyInAnyOrder("ADDED watched/inside.pdf", "UPDATED watched/outside.pdf");
    assertThat(fx.engine.changes().page(DAVE, cursor, 100).changes()).as("no role on the mount").isEmpty();
  }

  private static void awaitScan() throws InterruptedException {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (fx.count("SELECT count(*) FROM live_watch_leases WHERE mount = 'share' AND last_scan IS NOT NULL") == 0) {
      assertThat(System.nanoTime()).as("the watcher's first scan").isLessThan(deadline);
      Thread.sleep(50);
    }
  }

  private static java.util.List<io.stockage.Change> awaitChanges(io.stockage.ChangeCursor from, int count)
      throws InterruptedException {
    long deadline = System.nanoTime() + 5_000_000_000L;
    java.util.List<io.stockage.Change> changes;
    do {
      changes = fx.engine.changes().page(CAROL, from, 100).changes().stream()
          .filter(c -> c.path().orElseThrow().startsWith("watched")).toList();
      if (changes.size() >= count) {
        return changes;
      }
      Thread.sleep(20);
    } while (System.nanoTime() < deadline);
    return changes;
  }

  @Test
  void fileWrittenOnTheBackend_showsUpOnceTheCacheExpires() throws Exception {
    Files.createDirectories(share.resolve("external"));
    assertThat(names(CAROL, "external")).isEmpty();
    Files.write(share.resolve("external/dropped.pdf"), Samples.pdf("written on the share"));
    assertThat(names(CAROL, "external")).as("still cached").isEmpty();
    OFFSET.updateAndGet(d -> d.plus(TTL));
    assertThat(names(CAROL, "external")).containsExactly("dropped.pdf");
    Files.move(share.resolve("external/dropped.pdf"), share.resolve("external/renamed.pdf"));
    OFFSET.updateAndGet(d -> d.plus(TTL));
    assertThat(names(CAROL, "external")).containsExactly("renamed.pdf");
  }

  @Test
  void putEntry_isByteIdenticalOnTheBackend_andDownloadsWithRanges() throws IOException {
    byte[] pdf = Samples.pdf("through Stockage");
    Entry entry = fx.engine.live().put(BOB, new EntryUpload("share", "docs/plan.pdf", new ByteArrayInputStream(pdf), OptionalLong.empty()));
    assertThat(entry.path()).isEqualTo("docs/plan.pdf");
    assertThat(entry.size()).isEqualTo(pdf.length);
    assertThat(Files.readAllBytes(share.resolve("docs/plan.pdf"))).isEqualTo(pdf);
    assertThat(names(CAROL, "docs")).contains("plan.pdf");
    try (EntryContent content = fx.engine.live().open(CAROL, "share", "docs/plan.pdf", ByteRange.closed(0, 9))) {
      assertThat(content.stream().readAllBytes()).isEqualTo(Arrays.copyOfRange(pdf, 0, 10));
    }
    String before = fx.engine.live().entry(CAROL, "share", "docs/plan.pdf").version();
    fx.engine.live().put(BOB, new EntryUpload("share", "docs/plan.pdf", new ByteArrayInputStream(Samples.pdf("v2, longer text")), OptionalLong.empty()));
    assertThat(fx.engine.live().entry(CAROL, "share", "docs/plan.pdf").version()).isNotEqualTo(before);
  }

  @Test
  void editor_renamesMovesAndDeletes_directoriesToo() {
    fx.engine.live().makeDirectory(BOB, "share", "work/inbox");
    fx.engine.live().put(BOB, new EntryUpload("share", "work/inbox/a.pdf", new ByteArrayInputStream(Samples.pdf("a")), OptionalLong.empty()));
    Entry moved = fx.engine.live().move(BOB, "share", "work/inbox/a.pdf", "work/b.pdf");
    assertThat(moved.path()).isEqualTo("work/b.pdf");
    assertThat(names(BOB, "work")).containsExactly("inbox", "b.pdf");
    fx.engine.live().delete(BOB, "share", "work");
    assertThat(Files.exists(share.resolve("work"))).isFalse();
  }

  @Test
  void viewer_cannotUploadRenameOrDelete() throws IOException {
    Files.write(share.resolve("readonly.pdf"), Samples.pdf("ro"));
    assertKind(() -> fx.engine.live().put(CAROL, new EntryUpload("share", "x.pdf", new ByteArrayInputStream(Samples.pdf("x")), OptionalLong.empty())), ErrorKind.PERMISSION_DENIED);
    assertKind(() -> fx.engine.live().move(CAROL, "share", "readonly.pdf", "moved.pdf"), ErrorKind.PERMISSION_DENIED);
    assertKind(() -> fx.engine.live().delete(CAROL, "share", "readonly.pdf"), ErrorKind.PERMISSION_DENIED);
    assertKind(() -> fx.engine.live().grant(CAROL, "share", DAVE.user(), MountRole.MANAGER),
        ErrorKind.PERMISSION_DENIED);
    assertThat(Files.exists(share.resolve("readonly.pdf"))).isTrue();
    assertThat(Files.exists(share.resolve("x.pdf"))).isFalse();
  }

  @Test
  void anotherOrgOrNoRole_seesNothingOfTheMount() throws IOException {
    Files.write(share.resolve("secret.pdf"), Samples.pdf("secret"));
    for (Subject outsider : new Subject[] {MALLORY, DAVE}) {
      assertThat(fx.engine.mounts().list(outsider)).extracting(m -> m.name()).doesNotContain("share");
      assertKind(() -> fx.engine.live().list(outsider, "share", "", PageRequest.first(10)), ErrorKind.NOT_FOUND);
      assertKind(() -> fx.engine.live().open(outsider, "share", "secret.pdf"), ErrorKind.NOT_FOUND);
      assertKind(() -> fx.engine.live().delete(outsider, "share", "secret.pdf"), ErrorKind.NOT_FOUND);
    }
    assertThat(fx.engine.mounts().list(CAROL)).extracting(m -> m.name()).contains("share", "main");
  }

  @Test
  void searchCoverage_saysPerMountWhatAQueryReaches() {
    assertThat(fx.engine.search().coverage(CAROL)).containsExactly(
        new io.stockage.SearchCoverage("main", io.stockage.SearchCoverage.Scope.CONTENT),
        new io.stockage.SearchCoverage("share", io.stockage.SearchCoverage.Scope.NAMES));
    assertThat(fx.engine.search().coverage(DAVE)).as("no role on the live mount")
        .containsExactly(new io.stockage.SearchCoverage("main", io.stockage.SearchCoverage.Scope.CONTENT));
  }

  @Test
  void paths_cannotLeaveTheMount_andThePolicyApplies() throws IOException {
    assertThatThrownBy(() -> fx.engine.live().open(BOB, "share", "../managed/x"))
        .isInstanceOfSatisfying(StockageException.class, e -> assertThat(e.reason()).contains(PolicyReason.INVALID_NAME));
    assertThatThrownBy(() -> fx.engine.live().put(BOB, new EntryUpload("share", "plan.pdf", new ByteArrayInputStream(Samples.windowsExecutable()), OptionalLong.empty())))
        .isInstanceOfSatisfying(StockageException.class, e -> assertThat(e.reason()).contains(PolicyReason.CONTENT_MISMATCH));
    assertThat(Files.exists(share.resolve("plan.pdf"))).isFalse();
    try (var files = Files.list(share)) {
      assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".stockage-tmp-"));
    }
  }

  @Test
  void searchEntries_findsNamesByWalking_withinLimits() throws IOException {
    Files.createDirectories(share.resolve("search/a/b"));
    Files.write(share.resolve("search/Bridge-Plan.pdf"), Samples.pdf("1"));
    Files.write(share.resolve("search/a/b/old-bridge.stl"), Samples.stlAscii(1));
    Files.write(share.resolve("search/a/other.pdf"), Samples.pdf("2"));
    io.stockage.EntrySearch found = fx.engine.live().search(CAROL, new EntryQuery("share", "search", "bridge", 10));
    assertThat(found.truncated()).isFalse();
    assertThat(found.entries()).extracting(Entry::path)
        .containsExactly("search/Bridge-Plan.pdf", "search/a/b/old-bridge.stl");
    assertThat(fx.engine.live().search(CAROL, new EntryQuery("share", "search", "bridge", 1)).truncated()).isTrue();
    assertKind(() -> fx.engine.live().search(MALLORY, new EntryQuery("share", "", "bridge", 10)), ErrorKind.NOT_FOUND);
  }

  @Test
  void putEntry_negativeDeclaredSize_isInvalidArgument() {
    assertKind(() -> fx.engine.live().put(BOB, new EntryUpload("share", "docs/negative.pdf", new ByteArrayInputStream(Samples.pdf("n")), OptionalLong.of(-1))), ErrorKind.INVALID_ARGUMENT);
    assertKind(() -> fx.engine.live().entry(CAROL, "share", "docs/negative.pdf"), ErrorKind.NOT_FOUND);
  }
}
