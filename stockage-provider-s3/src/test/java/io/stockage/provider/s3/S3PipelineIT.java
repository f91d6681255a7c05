package io.stockage.provider.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stockage.Content;
import io.stockage.ErrorKind;
import io.stockage.Item;
import io.stockage.Location;
import io.stockage.Mount;
import io.stockage.NewContent;
import io.stockage.NewProject;
import io.stockage.OrgPermission;
import io.stockage.PageRequest;
import io.stockage.Revision;
import io.stockage.StockageException;
import io.stockage.Subject;
import io.stockage.Upload;
import io.stockage.VersioningMode;
import io.stockage.core.StockageEngine;
import io.stockage.jdbc.JdbcCatalog;
import io.stockage.spi.storage.ObjectContent;
import io.stockage.spi.storage.ObjectVersion;
import io.stockage.testkit.PostgresFixture;
import io.stockage.testkit.Samples;
import io.stockage.testkit.StopAfter;
import io.stockage.testkit.TestDatabase;
import io.stockage.testkit.s3.S3Bucket;
import io.stockage.testkit.s3.S3MockFixture;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The whole managed pipeline on S3 (S3Mock), with the catalog on PostgreSQL. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class S3PipelineIT {
  private static final Subject ALICE = Subject.of("acme", "alice", OrgPermission.CREATE_PROJECT);

  private final S3MockFixture s3 = S3MockFixture.shared();
  private TestDatabase db;

  @BeforeAll
  void start() {
    db = PostgresFixture.create();
  }

  @AfterAll
  void stop() {
    db.close();
  }

  private StockageEngine engine(S3Bucket bucket, VersioningMode versioning) {
    S3StorageProvider provider = S3TestBase.provider(bucket, b -> b.partSize(S3TestBase.PART)
        .multipartThreshold(S3TestBase.PART));
    return StockageEngine.builder()
        .catalog(JdbcCatalog.create(db.dataSource()))
        .mount(Mount.managed("s3", provider, versioning))
        .reconcilerGrace(Duration.ZERO)
        .build();
  }

  private static String slug() {
    return "p-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static byte[] read(Content content) throws IOException {
    try (content) {
      return content.stream().readAllBytes();
    }
  }

  @Test
  void pipeline_uploadReadOverwriteDelete_onS3() throws Exception {
    try (StockageEngine engine = engine(s3.freshBucket(), VersioningMode.EMULATED)) {
      String slug = slug();
      engine.projects().create(ALICE, NewProject.of(slug, "S3"));
      byte[] first = Samples.pdf("on S3, revision 1");
      Item item = engine.files().upload(ALICE, Upload.of(slug, "plan.pdf", new ByteArrayInputStream(first)));
      assertThat(read(engine.files().open(ALICE, item.id()))).isEqualTo(first);

      byte[] second = Samples.largePdf(12L << 20, 3).readAllBytes();
      Item updated = engine.files().write(ALICE, item.id(), NewContent.of(new ByteArrayInputStream(second)));
      assertThat(updated.revision()).isEqualTo(2);
      assertThat(read(engine.files().open(ALICE, item.id()))).isEqualTo(second);
      assertThat(read(engine.revisions().open(ALICE, item.id(), 1))).isEqualTo(first);

      // The host's bearer URL, redeemed for S3's presigned URL of that revision.
      io.stockage.DownloadUrl url = engine.sharing().downloadUrl(ALICE, item.id(), Duration.ofMinutes(5));
      java.net.URI presigned = engine.sharing().presignSigned(url.url()).orElseThrow();
      java.net.http.HttpResponse<byte[]> fetched = java.net.http.HttpClient.newHttpClient().send(
          java.net.http.HttpRequest.newBuilder(presigned).build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
      assertThat(fetched.statusCode()).isEqualTo(200);
      assertThat(fetched.body()).isEqualTo(second);
      assertThat(fetched.headers().firstValue("Content-Disposition")).hasValueSatisfying(
          v -> assertThat(v).contains("plan.pdf"));

      engine.files().trash(ALICE, item.id());
      assertThatThrownBy(() -> engine.files().open(ALICE, item.id()))
          .isInstanceOfSatisfying(StockageException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.NOT_FOUND));
      engine.files().purge(ALICE, item.id());
      engine.maintenance().reconcile();
      assertThat(engine.mounts().list(ALICE).get(0).provider()).isEqualTo("s3");
    }
  }

  @Test
  void nativeVersioning_revisionsAreTheBucketsVersions() throws IOException {
    S3Bucket bucket = s3.freshVersionedBucket().orElseThrow();
    try (StockageEngine engine = engine(bucket, VersioningMode.NATIVE)) {
      String slug = slug();
      engine.projects().create(ALICE, NewProject.of(slug, "Native"));
      List<byte[]> contents = List.of(Samples.pdf("native 1"), Samples.pdf("native 2"), Samples.pdf("native 3"));
      Item item = engine.files().upload(ALICE, Upload.of(slug, "plan.pdf", new ByteArrayInputStream(contents.get(0))));
      for (byte[] next : contents.subList(1, 3)) {
        engine.files().write(ALICE, item.id(), NewContent.of(new ByteArrayInputStream(next)));
      }
      S3StorageProvider provider = S3TestBase.provider(bucket, b -> { });
      String key = "org_acme/items/" + item.id();
      List<ObjectVersion> versions = provider.versions(key);
      List<Revision> revisions = engine.revisions().list(ALICE, item.id(), PageRequest.first(10)).items();
      assertThat(revisions).extracting(Revision::number).containsExactly(3, 2, 1);
      assertThat(versions).hasSize(3);
      for (int n = 1; n <= 3; n++) {
        byte[] expected = contents.get(n - 1);
        assertThat(read(engine.revisions().open(ALICE, item.id(), n))).isEqualTo(expected);
        ObjectVersion version = versions.get(3 - n);
        try (ObjectContent raw = provider.readVersion(key, version.versionId(), Optional.empty());
             InputStream in = raw.stream()) {
          assertThat(in.readAllBytes()).as("S3 version of revision %d", n).isEqualTo(expected);
        }
      }
      assertThat(provider.list("staging/", Optional.empty(), 10).objects()).isEmpty();
      provider.close();
    }
  }

  @Test
  void nativeVersioning_aCopyWritesItsOwnKey_andOneOntoATakenNameLeavesNoObjectOnceReconciled() throws IOException {
    S3Bucket bucket = s3.freshVersionedBucket().orElseThrow();
    try (StockageEngine engine = engine(bucket, VersioningMode.NATIVE);
         S3StorageProvider provider = S3TestBase.provider(bucket, b -> { })) {
      String slug = slug();
      engine.projects().create(ALICE, NewProject.of(slug, "Copies"));
      byte[] content = Samples.pdf("copied natively");
      Item item = engine.files().upload(ALICE, Upload.of(slug, "plan.pdf", new ByteArrayInputStream(content)));
      engine.files().upload(ALICE, Upload.of(slug, "taken.pdf", new ByteArrayInputStream(Samples.pdf("taken"))));

      Item copy = engine.files().copy(ALICE, item.id(), io.stockage.Location.root(slug), "copy.pdf");
      assertThat(read(engine.files().open(ALICE, copy.id()))).isEqualTo(content);
      assertThat(provider.versions("org_acme/items/" + copy.id())).hasSize(1);

      List<String> before = provider.list("org_acme/items/", Optional.empty(), 100).objects().stream()
          .map(o -> o.key()).toList();
      assertThatThrownBy(() -> engine.files().copy(ALICE, item.id(), io.stockage.Location.root(slug), "taken.pdf"))
          .isInstanceOfSatisfying(StockageException.class,
              e -> assertThat(e.kind()).isEqualTo(ErrorKind.ALREADY_EXISTS));
      engine.maintenance().reconcile();
      assertThat(provider.list("org_acme/items/", Optional.empty(), 100).objects()).extracting(o -> o.key())
          .as("the refused copy's key, written before its insert, removed under its intent")
          .containsExactlyInAnyOrderElementsOf(before);
    }
  }

  @Test
  void upload_s3KilledMidway_isUnavailable_leavesNoItem_andTheReconcilerAbortsTheUpload() {
    S3Bucket bucket = s3.freshBucket();
    try (StockageEngine engine = engine(bucket, VersioningMode.EMULATED);
         software.amazon.awssdk.services.s3.S3Client raw = S3TestBase.rawClient(bucket)) {
      String slug = slug();
      engine.projects().create(ALICE, NewProject.of(slug, "Outage"));
      InputStream source = new StopAfter(Samples.largePdf(8L * S3TestBase.PART, 9), 2L * S3TestBase.PART + 100,
          s3::stop);
      try {
        assertThatThrownBy(() -> engine.files().upload(ALICE, Upload.of(slug, "big.pdf", source)))
            .isInstanceOfSatisfying(StockageException.class, e -> {
              assertThat(e.kind()).isEqualTo(ErrorKind.UNAVAILABLE);
              assertThat(e.isRetryable()).isTrue();
            });
      } finally {
        s3.start();
      }
      assertThat(engine.files().list(ALICE, Location.root(slug), PageRequest.first(10)).items()).isEmpty();
      assertThat(raw.listMultipartUploads(b -> b.bucket(bucket.name())).uploads())
          .as("left open: S3Mock was down when the provider tried to abort").isNotEmpty();
      assertThat(engine.maintenance().reconcile().uploads()).isPositive();
      assertThat(raw.listMultipartUploads(b -> b.bucket(bucket.name())).uploads()).isEmpty();
      byte[] small = Samples.pdf("after the outage");
      Item item = engine.files().upload(ALICE, Upload.of(slug, "after.pdf", new ByteArrayInputStream(small)));
      assertThat(item.revision()).as("the next operation succeeds without a restart").isEqualTo(1);
    }
  }

  @Test
  void upload_600MegabytesWith256MegabyteHeap_succeeds() throws Exception {
    S3Bucket bucket = s3.freshBucket();
    long size = 600L << 20;
    String javaBin = java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child = new ProcessBuilder(List.of(javaBin, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
        S3LargeUploadMain.class.getName(), db.jdbcUrl(), db.user(), db.password(), bucket.endpoint().toString(),
        bucket.region(), bucket.accessKey(), bucket.secretKey(), bucket.name(), bucket.prefix(), Long.toString(size)))
        .redirectErrorStream(true).start();
    String output = new String(child.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(child.waitFor(5, java.util.concurrent.TimeUnit.MINUTES)).isTrue();
    System.out.println(output);
    assertThat(child.exitValue()).as(output).isZero();
    assertThat(output).contains("size=" + size).contains("maxHeap=" + 256L * 1024 * 1024);
  }

  @Test
  void nativeVersioning_onAnUnversionedBucket_isConfigInvalid() {
    assertThatThrownBy(() -> engine(s3.freshBucket(), VersioningMode.NATIVE)).isInstanceOfSatisfying(
        StockageException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.CONFIG_INVALID));
  }
}
