package io.stockage.provider.smb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stockage.Entry;
import io.stockage.EntryUpload;
import io.stockage.ErrorKind;
import io.stockage.Mount;
import io.stockage.MountRole;
import io.stockage.OrgId;
import io.stockage.OrgPermission;
import io.stockage.PageRequest;
import io.stockage.StockageException;
import io.stockage.Subject;
import io.stockage.core.StockageEngine;
import io.stockage.core.memory.MemoryProvider;
import io.stockage.jdbc.JdbcCatalog;
import io.stockage.testkit.PostgresFixture;
import io.stockage.testkit.Samples;
import io.stockage.testkit.TestDatabase;
import io.stockage.testkit.smb.SambaFixture;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/** A live mount on a real Samba share, next to a managed mount: seed 002's "S3 main + SMB mount". */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SmbLiveMountIT {
  private static final Subject ADMIN = Subject.of("acme", "root", OrgPermission.ADMIN);
  private static final Subject BOB = Subject.of("acme", "bob");
  private static final Subject CAROL = Subject.of("acme", "carol");
  private static final Subject MALLORY = Subject.of("globex", "mallory", OrgPermission.ADMIN);
  private static final Duration TTL = Duration.ofSeconds(5);
  /** The engine's time runs ahead of the system's by this: the test moves it instead of sleeping. */
  private final java.util.concurrent.atomic.AtomicReference<Duration> offset =
      new java.util.concurrent.atomic.AtomicReference<>(Duration.ZERO);

  private final SambaFixture samba = SambaFixture.shared();
  private final String folder = "live-" + UUID.randomUUID().toString().substring(0, 8);
  private TestDatabase db;
  private StockageEngine engine;

  @TempDir
  Path local;

  @BeforeAll
  void start() {
    db = PostgresFixture.create();
    samba.smbclient().mkdir(folder);
    SmbStorageProvider share = SmbTestBase.provider(samba, folder, b -> b.pruneEmptyFolders(false));
    engine = StockageEngine.builder().catalog(JdbcCatalog.create(db.dataSource()))
        .mount(Mount.managed("main", MemoryProvider.create()))
        .mount(Mount.live("smb-1", share, OrgId.of("acme")))
        .liveListingTtl(TTL)
        // Rescans once a minute: what reaches the feed sooner came through CHANGE_NOTIFY.
        .liveWatch(Duration.ofMinutes(1))
        .clock(() -> java.time.Instant.now().plus(offset.get()))
        .build();
    engine.live().grant(ADMIN, "smb-1", BOB.user(), MountRole.EDITOR);
    engine.live().grant(ADMIN, "smb-1", CAROL.user(), MountRole.VIEWER);
  }

  @AfterAll
  void stop() {
    engine.close();
    db.close();
  }

  private List<String> names(Subject subject, String path) {
    return engine.live().list(subject, "smb-1", path, PageRequest.first(100)).items().stream().map(Entry::name).toList();
  }

  private static void assertKind(Executable call, ErrorKind kind) {
    assertThatThrownBy(call::execute).isInstanceOfSatisfying(StockageException.class,
        e -> assertThat(e.kind()).isEqualTo(kind));
  }

  @Test
  void fileWrittenWithSmbclient_appearsInTheListingWithinTheTtl() throws Exception {
    assertThat(names(CAROL, "")).doesNotContain("from-smbclient.pdf");
    Path pdf = Files.write(local.resolve("plan.pdf"), Samples.pdf("written with smbclient"));
    samba.smbclient().put(pdf, folder + "/from-smbclient.pdf");
    assertThat(names(CAROL, "")).as("still cached").doesNotContain("from-smbclient.pdf");
    offset.updateAndGet(d -> d.plus(TTL));
    assertThat(names(CAROL, "")).contains("from-smbclient.pdf");
  }

  @Test
  void changesMadeWithSmbclient_appearInTheChangeFeedWithinTwoSeconds() throws Exception {
    awaitFirstScan();
    io.stockage.ChangeCursor cursor = engine.changes().latestCursor(CAROL);
    Path pdf = Files.write(local.resolve("feed.pdf"), Samples.pdf("seen by the watcher"));

    long written = System.nanoTime();
    samba.smbclient().put(pdf, folder + "/feed-" + written + ".pdf");
    io.stockage.Change added = awaitChange(CAROL, cursor, "feed-" + written + ".pdf");
    long millis = (System.nanoTime() - written) / 1_000_000;

    assertThat(added.kind()).isEqualTo(io.stockage.ChangeKind.ADDED);
    assertThat(added.mount()).contains("smb-1");
    assertThat(added.actor()).as("made on the share, not through Stockage").isEmpty();
    assertThat(added.project()).isEmpty();
    System.out.printf("smb live mount: smbclient put -> change feed in %d ms%n", millis);
    assertThat(millis).as("from smbclient's put to the feed").isLessThan(2000);
    samba.smbclient().run("rename " + folder + "/feed-" + written + ".pdf " + folder + "/renamed-" + written + ".pdf");
    io.stockage.Change renamed = awaitChange(CAROL, added.cursor(), "renamed-" + written + ".pdf");
    assertThat(renamed.kind()).as("a rename: the new path added").isEqualTo(io.stockage.ChangeKind.ADDED);
    assertThat(engine.changes().page(CAROL, added.cursor(), 100).changes())
        .as("and the old one purged").anySatisfy(c -> {
          assertThat(c.kind()).isEqualTo(io.stockage.ChangeKind.PURGED);
          assertThat(c.path()).contains("feed-" + written + ".pdf");
        });
    assertThat(engine.changes().page(MALLORY, io.stockage.ChangeCursor.START, 1000).changes())
        .as("another organization").isEmpty();
    assertThat(engine.changes().page(Subject.of("acme", "nobody"), cursor, 1000).changes())
        .as("no role on the mount").isEmpty();
  }

  private void awaitFirstScan() throws InterruptedException {
    // The watch scans once when it starts.
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (scans() == 0) {
      assertThat(System.nanoTime()).as("the watcher's first scan").isLessThan(deadline);
      Thread.sleep(50);
    }
  }

  private long scans() {
    try (java.sql.Connection c = db.dataSource().getConnection();
        java.sql.ResultSet rows = c.createStatement().executeQuery(
            "SELECT count(*) FROM live_watch_leases WHERE mount = 'smb-1' AND last_scan IS NOT NULL")) {
      rows.next();
      return rows.getLong(1);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private io.stockage.Change awaitChange(Subject subject, io.stockage.ChangeCursor from, String path)
      throws InterruptedException {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (System.nanoTime() < deadline) {
      for (io.stockage.Change c : engine.changes().page(subject, from, 1000).changes()) {
        if (c.path().equals(java.util.Optional.of(path))) {
          return c;
        }
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no change of " + path + " in the feed");
  }

  @Test
  void fileWrittenThroughStockage_isByteIdenticalWithSmbclient() throws Exception {
    byte[] pdf = Samples.pdf("written through Stockage");
    engine.live().makeDirectory(BOB, "smb-1", "docs");
    engine.live().put(BOB, new EntryUpload("smb-1", "docs/through.pdf", new ByteArrayInputStream(pdf), OptionalLong.of(pdf.length)));
    Path fetched = local.resolve("fetched.pdf");
    samba.smbclient().get(folder + "/docs/through.pdf", fetched);
    assertThat(Files.readAllBytes(fetched)).isEqualTo(pdf);
    engine.live().delete(BOB, "smb-1", "docs/through.pdf");
    assertThat(names(BOB, "docs")).as("the user's folder stays").isEmpty();
  }

  @Test
  void anotherOrgSeesNothing_andAViewerCannotChangeAnything() throws Exception {
    byte[] pdf = Samples.pdf("read only");
    engine.live().put(BOB, new EntryUpload("smb-1", "ro.pdf", new ByteArrayInputStream(pdf), OptionalLong.empty()));
    assertThat(engine.mounts().list(MALLORY)).extracting(m -> m.name()).containsExactly("main");
    assertKind(() -> engine.live().list(MALLORY, "smb-1", "", PageRequest.first(10)), ErrorKind.NOT_FOUND);
    assertKind(() -> engine.live().open(MALLORY, "smb-1", "ro.pdf"), ErrorKind.NOT_FOUND);
    assertKind(() -> engine.live().put(CAROL, new EntryUpload("smb-1", "new.pdf", new ByteArrayInputStream(pdf), OptionalLong.empty())),
        ErrorKind.PERMISSION_DENIED);
    assertKind(() -> engine.live().move(CAROL, "smb-1", "ro.pdf", "moved.pdf"), ErrorKind.PERMISSION_DENIED);
    assertKind(() -> engine.live().delete(CAROL, "smb-1", "ro.pdf"), ErrorKind.PERMISSION_DENIED);
    try (var content = engine.live().open(CAROL, "smb-1", "ro.pdf")) {
      assertThat(content.stream().readAllBytes()).isEqualTo(pdf);
    }
  }
}
