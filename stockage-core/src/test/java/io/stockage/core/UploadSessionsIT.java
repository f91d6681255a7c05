package io.stockage.core;

import static io.stockage.core.EngineFixture.BOB;
import static io.stockage.core.EngineFixture.CAROL;
import static io.stockage.core.EngineFixture.MALLORY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stockage.ErrorKind;
import io.stockage.Item;
import io.stockage.Location;
import io.stockage.Mount;
import io.stockage.NewUpload;
import io.stockage.PolicyReason;
import io.stockage.Project;
import io.stockage.StockageException;
import io.stockage.Subject;
import io.stockage.UploadChunk;
import io.stockage.UploadId;
import io.stockage.UploadPolicy;
import io.stockage.UploadSession;
import io.stockage.core.fs.FileSystemProvider;
import io.stockage.jdbc.JdbcCatalog;
import io.stockage.testkit.Failures;
import io.stockage.testkit.Samples;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Resumable uploads on a real engine: chunks, offsets, completion, limits, owners, expiry, restarts. */
class UploadSessionsIT {
  @TempDir
  Path root;

  private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);
  private EngineFixture fx;
  private Project project;
  private Path share;

  @BeforeEach
  void start() {
    share = root.resolve("share");
    fx = EngineFixture.start(root.resolve("managed"), UnaryOperator.identity(), builder -> builder
        .mount(Mount.live("share", FileSystemProvider.create(share, false), io.stockage.OrgId.of("acme")))
        .uploadPolicy(UploadPolicy.defaults().withMaxSize(1 << 20))
        .clock(() -> java.time.Instant.now().plus(offset.get())));
    project = fx.project();
  }

  @AfterEach
  void stop() {
    fx.close();
  }

  @Test
  void chunks_completed_makeTheSameFileAsAPlainUpload() {
    byte[] pdf = Samples.pdf("sent in three chunks, ".repeat(200));
    UploadSession session = fx.engine.uploads().create(BOB, NewUpload.file(Location.root(project.slug()), "plan.pdf")
        .withLength(pdf.length));
    int a = pdf.length / 3;
    int b = 2 * pdf.length / 3;
    fx.engine.uploads().append(BOB, session.id(), UploadChunk.at(0, slice(pdf, 0, a)));
    Failures.expect(ErrorKind.CONFLICT,
        () -> fx.engine.uploads().append(BOB, session.id(), UploadChunk.at(0, slice(pdf, 0, a))));
    Failures.expect(ErrorKind.CONFLICT, () -> fx.engine.uploads().complete(BOB, session.id()));
    fx.engine.uploads().append(BOB, session.id(), UploadChunk.at(a, slice(pdf, a, b)));
    UploadSession full = fx.engine.uploads().append(BOB, session.id(), UploadChunk.at(b, slice(pdf, b, pdf.length)));
    assertThat(full.offset()).isEqualTo(pdf.length);
    assertThat(full.full()).isTrue();

    UploadSession done = fx.engine.uploads().complete(BOB, session.id());
    Item item = fx.engine.files().stat(BOB, done.item().orElseThrow());
    Item plain = fx.upload(BOB, project, "plain.pdf", pdf);

    assertThat(item.name()).isEqualTo("plan.pdf");
    assertThat(item.sha256()).isEqualTo(plain.sha256());
    assertThat(item.size()).isEqualTo(pdf.length);
    assertThat(item.mimeType()).isEqualTo("application/pdf");
    assertThat(item.revision()).isEqualTo(1);
    assertThat(fx.engine.uploads().status(BOB, session.id()).item()).contains(item.id());
    assertThat(fx.engine.uploads().complete(BOB, session.id())).as("completing twice").isEqualTo(done);
    assertThat(done.completed()).isTrue();
    assertThat(fx.objects("uploads/")).as("the chunks are gone").isZero();
    assertThat(fx.count("SELECT count(*) FROM changes WHERE item_id = ? AND kind = 'ADDED'", item.id().value()))
        .as("in the change feed like any upload").isEqualTo(1);
  }

  @Test
  void aRevisionWithADeferredLength() {
    Item file = fx.upload(BOB, project, "notes.pdf", Samples.pdf("first"));
    byte[] second = Samples.pdf("second revision");
    UploadSession session = fx.engine.uploads().create(BOB, NewUpload.revision(file.id()));
    fx.engine.uploads().append(BOB, session.id(), UploadChunk.at(0, slice(second, 0, 100)));
    Failures.expect(ErrorKind.INVALID_ARGUMENT, () -> fx.engine.uploads().declareLength(BOB, session.id(), 50));
    fx.engine.uploads().declareLength(BOB, session.id(), second.length);
    Failures.expect(ErrorKind.CONFLICT, () -> fx.engine.uploads().declareLength(BOB, session.id(), second.length));
    fx.engine.uploads().append(BOB, session.id(), UploadChunk.at(100, slice(second, 100, second.length)));

    Item next = fx.engine.files().stat(BOB, fx.engine.uploads().complete(BOB, session.id()).item().orElseThrow());

    assertThat(next.id()).isEqualTo(file.id());
    assertThat(next.revision()).isEqualTo(2);
    assertThat(next.size()).isEqualTo(second.length);
  }

  @Test
  void limits_refuseAtCreateWhenDeclaredAndWhileStreamingWhenNot_leavingNothing() {
    assertThat(Failures.expect(ErrorKind.POLICY_VIOLATION,
        () -> fx.engine.uploads().create(BOB, NewUpload.file(Location.root(project.slug()), "big.pdf")
        .withLength(2 << 20))).reason()).contains(PolicyReason.TOO_LARGE);
    Failures.expect(ErrorKind.POLICY_VIOLATION,
        () -> fx.engine.uploads().create(BOB, NewUpload.file(Location.root(project.slug()), "tool.exe")));
    Failures.expect(ErrorKind.PERMISSION_DENIED,
        () -> fx.engine.uploads().create(CAROL, NewUpload.file(Location.root(project.slug()), "viewer.pdf")));

    UploadSession deferred = fx.engine.uploads().create(BOB, NewUpload.file(Location.root(project.slug()), "grows.pdf"));
    byte[] start = new byte[600_000];
    byte[] pdf = Samples.pdf("the start of a large PDF");
    System.arraycopy(pdf, 0, start, 0, pdf.length);
    fx.engine.uploads().append(BOB, deferred.id(), UploadChunk.at(0, new ByteArrayInputStream(start)));
    assertThat(Failures.expect(ErrorKind.POLICY_VIOLATION,
        () -> fx.engine.uploads().append(BOB, deferred.id(), UploadChunk.at(600_000,
        new ByteArrayInputStream(new byte[600_000])))).reason()).contains(PolicyReason.TOO_LARGE);
    assertThat(fx.engine.uploads().status(BOB, deferred.id()).offset()).as("the refused chunk left nothing")
        .isEqualTo(600_000);

    UploadSession declared = fx.engine.uploads().create(BOB, NewUpload.file(Location.root(project.slug()), "ten.pdf")
        .withLength(10));
    Failures.expect(ErrorKind.POLICY_VIOLATION,
        () -> fx.engine.uploads().append(BOB, declared.id(), UploadChunk.at(0, new ByteArrayInputStream(new byte[11]))));
    assertThat(fx.objects("uploads/" + declared.id())).isZero();

    fx.engine.uploads().abort(BOB, deferred.id());
    assertThat(fx.objects("uploads/")).as("an aborted session's chunks go").isZero();
    Failures.expect(ErrorKind.NOT_FOUND, () -> fx.engine.uploads().status(BOB, deferred.id()));
  }

  @Test
  void aChunkThatBreaksOff_storesNothing_andTheClientGoesOnFromTheOffset() {
    byte[] pdf = Samples.pdf("interrupted");
    UploadSession session = fx.engine.uploads().create(BOB, NewUpload.file(Location.root(project.slug()), "cut.pdf")
        .withLength(pdf.length));
    InputStream breaking = new InputStream() {
      private int sent;

      @Override
      public int read() throws IOException {
        if (sent++ == 200) {
          throw new IOException("connection reset");
        }
        return pdf[sent - 1] & 0xff;
      }
    };
    assertThatThrownBy(() -> fx.engine.uploads().append(BOB, session.id(), UploadChunk.at(0, breaking)));
    assertThat(fx.engine.uploads().status(BOB, session.id()).offset()).isZero();
    assertThat(fx.objects("uploads/")).isZero();

    fx.engine.uploads().append(BOB, session.id(), UploadChunk.at(0, new ByteArrayInputStream(pdf)));
    assertThat(size(fx.engine, fx.engine.uploads().complete(BOB, session.id()))).isEqualTo(pdf.length);
  }

  @Test
  void aChunkWhoseChecksumDoesNotMatch_isNotStored() throws Exception {
    byte[] pdf = Samples.pdf("checked");
    UploadSession session = fx.engine.uploads().create(BOB, NewUpload.file(Location.root(project.slug()), "sum.pdf")
        .withLength(pdf.length));
    byte[] right = java.security.MessageDigest.getInstance("SHA-256").digest(pdf);
    byte[] wrong = right.clone();
    wrong[0] ^= 1;
    assertThat(Failures.expect(ErrorKind.POLICY_VIOLATION,
        () -> fx.engine.uploads().append(BOB, session.id(), UploadChunk.at(0,
        new ByteArrayInputStream(pdf)).withChecksum("sha256", wrong))).reason())
        .contains(PolicyReason.CHECKSUM_MISMATCH);
    assertThat(fx.engine.uploads().status(BOB, session.id()).offset()).isZero();
    assertThat(fx.objects("uploads/")).isZero();
    fx.engine.uploads().append(BOB, session.id(), UploadChunk.at(0, new ByteArrayInputStream(pdf))
        .withChecksum("sha256", right));
    assertThat(fx.engine.uploads().status(BOB, session.id()).full()).isTrue();
  }

  @Test
  void aStalledAppend_holdsTheSessionOnlyForTheLease_andItsLateChunkDoesNotCount() throws Exception {
    byte[] pdf = Samples.pdf("a stalled client");
    UploadSession session = fx.engine.uploads().create(BOB, NewUpload.file(Location.root(project.slug()), "stall.pdf")
        .withLength(pdf.length));
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
    InputStream stalled = new InputStream() {
      private int sent;

      @Override
      public int read() throws IOException {
        if (sent == 10) {
          started.countDown();
          try {
            release.await();
          } catch (InterruptedException e) {
            throw new IOException(e);
          }
        }
        return sent < pdf.length ? pdf[sent++] & 0xff : -1;
      }
    };
    java.util.concurrent.CompletableFuture<UploadSession> late = java.util.concurrent.CompletableFuture.supplyAsync(
        () -> fx.engine.uploads().append(BOB, session.id(), UploadChunk.at(0, stalled)));
    started.await();
    Failures.expect(ErrorKind.CONFLICT,
        () -> fx.engine.uploads().append(BOB, session.id(), UploadChunk.at(0, new ByteArrayInputStream(pdf))));
    offset.set(Duration.ofSeconds(9));
    UploadSession resumed = fx.engine.uploads().append(BOB, session.id(), UploadChunk.at(0, new ByteArrayInputStream(pdf)));
    assertThat(resumed.full()).as("the lease of the stalled append ran out").isTrue();
    release.countDown();
    assertThatThrownBy(late::join).hasCauseInstanceOf(StockageException.class);
    assertThat(fx.engine.uploads().status(BOB, session.id()).offset()).isEqualTo(pdf.length);
    assertThat(fx.objects("uploads/")).as("the late chunk was removed, the resumed one kept").isEqualTo(1);
    Item item = fx.engine.files().stat(BOB, fx.engine.uploads().complete(BOB, session.id()).item().orElseThrow());
    assertThat(item.sha256()).isEqualTo(fx.upload(BOB, project, "same.pdf", pdf).sha256());
  }

  @Test
  void anAppendThatLosesItsLeaseAfterWriting_leavesTheBytesOfTheOneThatTookOver() throws Exception {
    byte[] pdf = Samples.pdf("written twice, kept once");
    UploadSession session = fx.engine.uploads().create(BOB, NewUpload.file(Location.root(project.slug()), "late.pdf")
        .withLength(pdf.length));
    java.util.concurrent.CountDownLatch written = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    InputStream slowEnd = new InputStream() {
      private boolean sent;

      @Override
      public int read() {
        throw new UnsupportedOperationException("read in blocks");
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        if (!sent) {
          sent = true;
          System.arraycopy(pdf, 0, b, off, pdf.length);
          return pdf.length;
        }
        // Every byte was handed over; the end of the stream comes late, after another append took over.
        written.countDown();
        try {
          release.await();
        } catch (InterruptedException e) {
          throw new IOException(e);
        }
        return -1;
      }
    };
    java.util.concurrent.CompletableFuture<UploadSession> late = java.util.concurrent.CompletableFuture.supplyAsync(
        () -> fx.engine.uploads().append(BOB, session.id(), UploadChunk.at(0, slowEnd)));
    written.await();
    offset.set(Duration.ofSeconds(9));
    assertThat(fx.engine.uploads().append(BOB, session.id(), UploadChunk.at(0, new ByteArrayInputStream(pdf))).full())
        .isTrue();
    release.countDown();
    assertThatThrownBy(late::join).hasCauseInstanceOf(StockageException.class);

    Item item = fx.engine.files().stat(BOB, fx.engine.uploads().complete(BOB, session.id()).item().orElseThrow());
    assertThat(item.size()).as("the late append did not cut the file back").isEqualTo(pdf.length);
  }

  @Test
  void aLiveMountsFile_writtenAtItsPath() throws Exception {
    java.nio.file.Files.createDirectories(share);
    fx.engine.live().grant(Subject.of("acme", "root", io.stockage.OrgPermission.ADMIN), "share", BOB.user(),
        io.stockage.MountRole.EDITOR);
    byte[] pdf = Samples.pdf("to the share");
    Failures.expect(ErrorKind.NOT_FOUND,
        () -> fx.engine.uploads().create(CAROL, NewUpload.entry("share", "docs/x.pdf")));
    assertThat(Failures.expect(ErrorKind.POLICY_VIOLATION,
        () -> fx.engine.uploads().create(BOB, NewUpload.entry("share", "../escape.pdf"))).reason()).contains(PolicyReason.INVALID_NAME);
    UploadSession session = fx.engine.uploads().create(BOB, NewUpload.entry("share", "docs/x.pdf").withLength(pdf.length));
    fx.engine.uploads().append(BOB, session.id(), UploadChunk.at(0, new ByteArrayInputStream(pdf)));
    assertThat(java.nio.file.Files.exists(share.resolve("docs/x.pdf"))).as("not before completion").isFalse();

    UploadSession done = fx.engine.uploads().complete(BOB, session.id());

    assertThat(done.completed()).isTrue();
    assertThat(done.item()).isEmpty();
    assertThat(java.nio.file.Files.readAllBytes(share.resolve("docs/x.pdf"))).isEqualTo(pdf);
    assertThat(fx.objects("uploads/")).as("the chunks waited on the managed mount, and are gone").isZero();
  }

  @Test
  void onlyTheCreatorReachesASession() {
    UploadSession session = fx.engine.uploads().create(BOB, NewUpload.file(Location.root(project.slug()), "mine.pdf"));
    UploadId id = session.id();
    for (io.stockage.Subject other : new io.stockage.Subject[] {CAROL, MALLORY}) {
      Failures.expect(ErrorKind.NOT_FOUND, () -> fx.engine.uploads().status(other, id));
      Failures.expect(ErrorKind.NOT_FOUND,
          () -> fx.engine.uploads().append(other, id, UploadChunk.at(0, new ByteArrayInputStream(new byte[1]))));
      Failures.expect(ErrorKind.NOT_FOUND, () -> fx.engine.uploads().abort(other, id));
      Failures.expect(ErrorKind.NOT_FOUND, () -> fx.engine.uploads().complete(other, id));
    }
    assertThat(fx.engine.uploads().status(BOB, id).offset()).isZero();
  }

  @Test
  void sessions_surviveARestart_andExpireWithTheirChunks() {
    byte[] pdf = Samples.pdf("across a restart");
    UploadSession session = fx.engine.uploads().create(BOB, NewUpload.file(Location.root(project.slug()), "kept.pdf")
        .withLength(pdf.length));
    fx.engine.uploads().append(BOB, session.id(), UploadChunk.at(0, slice(pdf, 0, 100)));
    try (StockageEngine restarted = StockageEngine.builder()
        .catalog(JdbcCatalog.create(fx.db.dataSource()))
        .directory(fx.directory)
        .mount(Mount.managed("main", FileSystemProvider.create(root.resolve("managed"))))
        .build()) {
      assertThat(restarted.uploads().status(BOB, session.id()).offset()).isEqualTo(100);
      restarted.uploads().append(BOB, session.id(), UploadChunk.at(100, slice(pdf, 100, pdf.length)));
      assertThat(size(restarted, restarted.uploads().complete(BOB, session.id()))).isEqualTo(pdf.length);
    }

    UploadSession stale = fx.engine.uploads().create(BOB, NewUpload.file(Location.root(project.slug()), "stale.pdf"));
    fx.engine.uploads().append(BOB, stale.id(), UploadChunk.at(0, new ByteArrayInputStream(new byte[10])));
    assertThat(fx.engine.maintenance().expireUploads()).isZero();
    offset.set(Duration.ofHours(25));
    assertThat(fx.engine.maintenance().expireUploads()).isEqualTo(2);
    Failures.expect(ErrorKind.NOT_FOUND, () -> fx.engine.uploads().status(BOB, stale.id()));
    assertThat(fx.objects("uploads/")).isZero();
  }

  @Test
  void completion_promotesTheAssembledObject_readingItAgainOnlyWhenThisNodeDidNotSeeEveryByte() {
    byte[] pdf = Samples.pdf("assembled in place, ".repeat(3000));
    int a = pdf.length / 3;
    int b = 2 * pdf.length / 3;
    java.util.Map<String, Integer> calls = new java.util.concurrent.ConcurrentHashMap<>();
    io.stockage.spi.storage.StorageProvider counted = counting(FileSystemProvider.create(root.resolve("managed")), calls);
    try (StockageEngine node = engineOn(counted); StockageEngine other = engineOn(counted)) {
      UploadSession session = node.uploads().create(BOB, NewUpload.file(Location.root(project.slug()), "once.pdf")
          .withLength(pdf.length));
      node.uploads().append(BOB, session.id(), UploadChunk.at(0, slice(pdf, 0, a)));
      node.uploads().append(BOB, session.id(), UploadChunk.at(a, slice(pdf, a, b)));
      node.uploads().append(BOB, session.id(), UploadChunk.at(b, slice(pdf, b, pdf.length)));
      Item item = node.files().stat(BOB, node.uploads().complete(BOB, session.id()).item().orElseThrow());

      assertThat(calls).as("each byte written once, in place, then the staging object renamed: %s", calls)
          .containsEntry("writeAt", 3).containsEntry("move", 1).doesNotContainKeys("read", "write", "copy");
      assertThat(item.sha256()).isEqualTo(fx.upload(BOB, project, "plain.pdf", pdf).sha256());
      assertThat(item.mimeType()).isEqualTo("application/pdf");

      calls.clear();
      UploadSession moved = node.uploads().create(BOB, NewUpload.file(Location.root(project.slug()), "twice.pdf")
          .withLength(pdf.length));
      node.uploads().append(BOB, moved.id(), UploadChunk.at(0, slice(pdf, 0, a)));
      other.uploads().append(BOB, moved.id(), UploadChunk.at(a, slice(pdf, a, pdf.length)));
      Item again = other.files().stat(BOB, other.uploads().complete(BOB, moved.id()).item().orElseThrow());
      assertThat(calls).as("the node that completes saw only the second chunk: it reads the object once: %s", calls)
          .containsEntry("writeAt", 2).containsEntry("read", 1);
      assertThat(again.sha256()).isEqualTo(item.sha256());
    }
  }

  private StockageEngine engineOn(io.stockage.spi.storage.StorageProvider provider) {
    return StockageEngine.builder()
        .catalog(JdbcCatalog.create(fx.db.dataSource()))
        .directory(fx.directory)
        .mount(Mount.managed("main", provider))
        .indexing(false, Duration.ofSeconds(1), Duration.ofSeconds(30))
        .build();
  }

  // Counts the calls that touch an upload's objects, by method name.
  private static io.stockage.spi.storage.StorageProvider counting(io.stockage.spi.storage.StorageProvider provider,
      java.util.Map<String, Integer> calls) {
    return (io.stockage.spi.storage.StorageProvider) java.lang.reflect.Proxy.newProxyInstance(
        UploadSessionsIT.class.getClassLoader(), new Class<?>[] {io.stockage.spi.storage.StorageProvider.class},
        (proxy, method, args) -> {
          if (args != null && args.length > 0 && args[0] instanceof String key && key.startsWith("uploads/")
              && !method.getName().equals("list")) {
            calls.merge(method.getName(), 1, Integer::sum);
          }
          try {
            return method.invoke(provider, args);
          } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }

  private static long size(StockageEngine engine, UploadSession done) {
    return engine.files().stat(BOB, done.item().orElseThrow()).size();
  }

  private static InputStream slice(byte[] content, int from, int to) {
    return new ByteArrayInputStream(Arrays.copyOfRange(content, from, to));
  }

}
