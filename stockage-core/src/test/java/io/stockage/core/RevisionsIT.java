package io.stockage.core;

import static io.stockage.core.EngineFixture.ALICE;
import static io.stockage.core.EngineFixture.BOB;
import static io.stockage.core.EngineFixture.CAROL;
import static io.stockage.core.EngineFixture.MALLORY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stockage.ByteRange;
import io.stockage.Content;
import io.stockage.ErrorKind;
import io.stockage.Item;
import io.stockage.NewContent;
import io.stockage.PageRequest;
import io.stockage.Project;
import io.stockage.RetentionPolicy;
import io.stockage.Revision;
import io.stockage.StockageException;
import io.stockage.testkit.Samples;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

class RevisionsIT {
  @TempDir
  static Path root;
  static EngineFixture fx;

  @BeforeAll
  static void start() {
    fx = EngineFixture.start(root, c -> c, b -> b.retention("main", RetentionPolicy.keepLast(3)));
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  private static byte[] pdf(String text) {
    return Samples.pdf(text);
  }

  private static Item write(Item file, byte[] content) {
    return fx.engine.files().write(BOB, file.id(), NewContent.of(new ByteArrayInputStream(content)));
  }

  private static byte[] read(Content content) throws IOException {
    try (content) {
      return content.stream().readAllBytes();
    }
  }

  private static void assertKind(Executable call, ErrorKind kind) {
    assertThatThrownBy(call::execute).isInstanceOfSatisfying(StockageException.class,
        e -> assertThat(e.kind()).isEqualTo(kind));
  }

  @Test
  void restore_revision1After3Writes_isRevision4WithItsBytesAndNoNewBlob() throws IOException {
    Project project = fx.project();
    byte[] first = pdf("first " + project.slug());
    Item file = fx.upload(BOB, project, "plan.pdf", first);
    write(file, pdf("second " + project.slug()));
    write(file, pdf("third " + project.slug()));
    long blobs = fx.count("select count(*) from blobs");
    int objects = fx.objects("org_acme/");

    Item restored = fx.engine.revisions().restore(BOB, file.id(), 1);

    assertThat(restored.revision()).isEqualTo(4);
    assertThat(restored.sha256()).isEqualTo(file.sha256());
    assertThat(read(fx.engine.files().open(CAROL, file.id()))).isEqualTo(first);
    assertThat(fx.count("select count(*) from blobs")).isEqualTo(blobs);
    assertThat(fx.objects("org_acme/")).isEqualTo(objects);
    Revision latest = fx.engine.revisions().list(CAROL, file.id(), PageRequest.first(1)).items().get(0);
    assertThat(latest.number()).isEqualTo(4);
    assertThat(latest.restoredFrom()).hasValue(1);
    assertThat(fx.count("select ref_count from blobs where sha256 = ?", file.sha256())).isEqualTo(2);
  }

  @Test
  void revisions_pageNewestFirst_andOpenRevisionReadsOldBytesAndRanges() throws IOException {
    Project project = fx.project();
    byte[] v1 = pdf("v1 " + project.slug());
    Item file = fx.upload(BOB, project, "plan.pdf", v1);
    write(file, pdf("v2 " + project.slug()));
    write(file, pdf("v3 " + project.slug()));
    var page = fx.engine.revisions().list(CAROL, file.id(), PageRequest.first(2));
    assertThat(page.items()).extracting(Revision::number).containsExactly(3, 2);
    assertThat(fx.engine.revisions().list(CAROL, file.id(), page.next().orElseThrow()).items())
        .extracting(Revision::number).containsExactly(1);
    assertThat(read(fx.engine.revisions().open(CAROL, file.id(), 1))).isEqualTo(v1);
    assertThat(read(fx.engine.revisions().open(CAROL, file.id(), 1, ByteRange.closed(0, 7))))
        .isEqualTo(Arrays.copyOfRange(v1, 0, 8));
    assertKind(() -> fx.engine.revisions().open(CAROL, file.id(), 9), ErrorKind.NOT_FOUND);
    assertKind(() -> fx.engine.revisions().list(MALLORY, file.id(), PageRequest.first(10)), ErrorKind.NOT_FOUND);
  }

  @Test
  void deleteRevision_needsAdmin_andNeverTheCurrentOne() {
    Project project = fx.project();
    Item file = fx.upload(ALICE, project, "plan.pdf", pdf("a " + project.slug()));
    write(file, pdf("b " + project.slug()));
    assertKind(() -> fx.engine.revisions().delete(BOB, file.id(), 1), ErrorKind.PERMISSION_DENIED);
    assertKind(() -> fx.engine.revisions().delete(ALICE, file.id(), 2), ErrorKind.CONFLICT);
    fx.engine.revisions().delete(ALICE, file.id(), 1);
    assertThat(fx.engine.revisions().list(ALICE, file.id(), PageRequest.first(10)).items())
        .extracting(Revision::number).containsExactly(2);
    assertThat(fx.count("select ref_count from blobs where sha256 = ?", file.sha256())).isZero();
  }

  @Test
  void commentRevision_setsAndClears() {
    Project project = fx.project();
    Item file = fx.upload(BOB, project, "plan.pdf", pdf("c " + project.slug()));
    assertThat(fx.engine.revisions().comment(BOB, file.id(), 1, "  issued for tender ").comment()).contains("issued for tender");
    assertThat(fx.engine.revisions().comment(BOB, file.id(), 1, "").comment()).isEmpty();
    assertKind(() -> fx.engine.revisions().comment(CAROL, file.id(), 1, "x"), ErrorKind.PERMISSION_DENIED);
    assertKind(() -> fx.engine.revisions().comment(BOB, file.id(), 1, "x".repeat(1001)), ErrorKind.INVALID_ARGUMENT);
  }

  @Test
  void retention_keepLast3On10Revisions_leaves8To10AndOnlyUnreferencedBlobsGo() {
    Project project = fx.project();
    String tag = project.slug();
    byte[] shared = pdf("shared " + tag);
    Item file = fx.upload(BOB, project, "plan.pdf", shared);
    for (int n = 2; n <= 10; n++) {
      write(file, n == 9 ? shared : pdf("revision " + n + " " + tag));
    }
    fx.engine.maintenance().applyRetention();
    List<Revision> kept = fx.engine.revisions().list(BOB, file.id(), PageRequest.first(20)).items();
    assertThat(kept).extracting(Revision::number).containsExactly(10, 9, 8);

    fx.engine.maintenance().reconcile();
    assertThat(fx.count("select count(*) from revisions where item_id = ?", file.id().value())).isEqualTo(3);
    assertThat(fx.count("select count(*) from blobs b where exists (select 1 from revisions r "
        + "where r.blob_id = b.id and r.item_id = ?)", file.id().value())).isEqualTo(3);
    assertThat(fx.count("select ref_count from blobs where sha256 = ?", file.sha256()))
        .as("revision 1's content is still revision 9's").isEqualTo(1);
    for (int n = 2; n <= 7; n++) {
      String sha = sha(pdf("revision " + n + " " + tag));
      assertThat(fx.count("select count(*) from blobs where sha256 = ?", sha)).as("revision %d", n).isZero();
      assertThat(fx.objects("org_acme/blobs/sha256/" + sha.substring(0, 2) + "/" + sha.substring(2, 4) + "/" + sha))
          .isZero();
    }
  }

  private static String sha(byte[] data) {
    try {
      return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(data));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
