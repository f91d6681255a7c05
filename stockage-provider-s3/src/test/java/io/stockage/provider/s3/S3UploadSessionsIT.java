package io.stockage.provider.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stockage.ErrorKind;
import io.stockage.Item;
import io.stockage.Location;
import io.stockage.Mount;
import io.stockage.NewProject;
import io.stockage.NewUpload;
import io.stockage.OrgPermission;
import io.stockage.StockageException;
import io.stockage.Subject;
import io.stockage.UploadChunk;
import io.stockage.UploadSession;
import io.stockage.core.StockageEngine;
import io.stockage.jdbc.JdbcCatalog;
import io.stockage.testkit.PostgresFixture;
import io.stockage.testkit.Samples;
import io.stockage.testkit.TestDatabase;
import io.stockage.testkit.s3.S3Bucket;
import io.stockage.testkit.s3.S3MockFixture;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Resumable uploads assembled as S3 multipart uploads (S3Mock): chunks aligned with parts go
 * straight into parts, the rest waits in pieces; chunks of unknown length; a small upload makes no
 * multipart upload; an abort aborts it; another engine (node) completes what the first took in, and
 * completes again after a refusal (a quota) without losing the assembled object.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class S3UploadSessionsIT {
  private static final Subject ALICE = Subject.of("acme", "alice", OrgPermission.CREATE_PROJECT);
  private static final int MIB = 1 << 20;

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

  private StockageEngine engine(S3StorageProvider provider) {
    return StockageEngine.builder()
        .catalog(JdbcCatalog.create(db.dataSource()))
        .mount(Mount.managed("s3", provider))
        .uploadChunkSize(5L * MIB)
        .build();
  }

  @Test
  void chunksOfEveryShape_makeOneObjectInParts_andNothingStaysBehind() throws Exception {
    S3Bucket bucket = s3.freshBucket();
    S3StorageProvider provider = S3TestBase.provider(bucket, b -> { });
    byte[] pdf = Samples.largePdf(23L * MIB, 7).readAllBytes();
    // 5 MiB (a whole part), 3 + 3 MiB (a part through a piece), 2 MiB of unknown length, then the rest.
    int[] cuts = {0, 5 * MIB, 8 * MIB, 11 * MIB, 13 * MIB, pdf.length};
    try (StockageEngine node = engine(provider); StockageEngine other = engine(provider)) {
      String slug = project(node);
      UploadSession session = node.uploads().create(ALICE, NewUpload.file(Location.root(slug), "big.pdf")
          .withLength(pdf.length));
      for (int i = 0; i + 1 < cuts.length; i++) {
        UploadChunk chunk = UploadChunk.at(cuts[i], slice(pdf, cuts[i], cuts[i + 1]));
        if (i != 3) {
          chunk = chunk.withLength(cuts[i + 1] - cuts[i]);
        }
        // The last chunk goes to another node: the one that completes did not see every byte.
        UploadSession after = (i == cuts.length - 2 ? other : node).uploads().append(ALICE, session.id(), chunk);
        assertThat(after.offset()).isEqualTo(cuts[i + 1]);
      }
      assertThat(count("SELECT count(*) FROM upload_parts WHERE session_id = ?", session.id().value()))
          .as("parts of 5 MiB so far").isEqualTo(4);
      assertThatThrownBy(() -> node.uploads().append(ALICE, session.id(), UploadChunk.at(pdf.length,
          new ByteArrayInputStream(new byte[1])))).isInstanceOfSatisfying(StockageException.class,
          e -> assertThat(e.kind()).isEqualTo(ErrorKind.POLICY_VIOLATION));

      Subject admin = Subject.of("acme", "root", OrgPermission.ADMIN);
      other.quotas().limitProject(admin, slug, io.stockage.QuotaLimit.of(MIB));
      assertThatThrownBy(() -> other.uploads().complete(ALICE, session.id())).isInstanceOfSatisfying(
          StockageException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.QUOTA_EXCEEDED));
      other.quotas().limitProject(admin, slug, io.stockage.QuotaLimit.none());
      // Tried again, the completion finds the object the refused one assembled.
      Item item = other.files().stat(ALICE, other.uploads().complete(ALICE, session.id()).item().orElseThrow());

      assertThat(item.sha256()).isEqualTo(sha256(pdf));
      assertThat(item.size()).isEqualTo(pdf.length);
      try (InputStream in = other.files().open(ALICE, item.id()).stream()) {
        assertThat(sha256(in.readAllBytes())).isEqualTo(item.sha256());
      }
      assertThat(provider.list("uploads/", Optional.empty(), 10).objects()).as("no staging object or piece left")
          .isEmpty();
    }
  }

  @Test
  void aSmallUpload_makesNoMultipartUpload_andAnAbortedOneLeavesNothing() throws Exception {
    S3Bucket bucket = s3.freshBucket();
    S3StorageProvider provider = S3TestBase.provider(bucket, b -> { });
    byte[] pdf = Samples.pdf("small, in two chunks");
    try (StockageEngine engine = engine(provider)) {
      String slug = project(engine);
      UploadSession small = engine.uploads().create(ALICE, NewUpload.file(Location.root(slug), "small.pdf"));
      engine.uploads().append(ALICE, small.id(), UploadChunk.at(0, slice(pdf, 0, 100)));
      engine.uploads().append(ALICE, small.id(), UploadChunk.at(100, slice(pdf, 100, pdf.length)).withLength(pdf.length - 100));
      engine.uploads().declareLength(ALICE, small.id(), pdf.length);
      assertThat(count("SELECT count(*) FROM upload_sessions WHERE id = ? AND multipart_id IS NULL",
          small.id().value())).isEqualTo(1);
      Item item = engine.files().stat(ALICE, engine.uploads().complete(ALICE, small.id()).item().orElseThrow());
      assertThat(item.sha256()).isEqualTo(sha256(pdf));

      byte[] big = Samples.largePdf(12L * MIB, 8).readAllBytes();
      UploadSession aborted = engine.uploads().create(ALICE, NewUpload.file(Location.root(slug), "aborted.pdf")
          .withLength(big.length));
      engine.uploads().append(ALICE, aborted.id(), UploadChunk.at(0, slice(big, 0, 7 * MIB)).withLength(7 * MIB));
      String multipart = string("SELECT multipart_id FROM upload_sessions WHERE id = ?", aborted.id().value());
      engine.uploads().abort(ALICE, aborted.id());
      assertThatThrownBy(() -> provider.resumeMultipart("uploads/" + aborted.id() + "/data", multipart))
          .isInstanceOfSatisfying(StockageException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.NOT_FOUND));
      assertThat(provider.list("uploads/", Optional.empty(), 10).objects()).isEmpty();
    }
  }

  private long count(String sql, Object arg) throws java.sql.SQLException {
    return Long.parseLong(string(sql, arg));
  }

  private String string(String sql, Object arg) throws java.sql.SQLException {
    try (java.sql.Connection c = db.dataSource().getConnection(); java.sql.PreparedStatement st = c.prepareStatement(sql)) {
      st.setObject(1, arg);
      try (java.sql.ResultSet rows = st.executeQuery()) {
        rows.next();
        return rows.getString(1);
      }
    }
  }

  private static String project(StockageEngine engine) {
    String slug = "p-" + UUID.randomUUID().toString().substring(0, 8);
    engine.projects().create(ALICE, NewProject.of(slug, "Uploads on S3"));
    return slug;
  }

  private static InputStream slice(byte[] content, int from, int to) {
    return new ByteArrayInputStream(Arrays.copyOfRange(content, from, to));
  }

  private static String sha256(byte[] bytes) throws IOException {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IOException(e);
    }
  }
}
