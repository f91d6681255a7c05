package io.stockage.core;

import static io.stockage.core.EngineFixture.ALICE;
import static io.stockage.core.EngineFixture.BOB;
import static io.stockage.core.EngineFixture.MALLORY;
import static org.assertj.core.api.Assertions.assertThat;

import io.stockage.ErrorKind;
import io.stockage.Item;
import io.stockage.Location;
import io.stockage.NewContent;
import io.stockage.NewUpload;
import io.stockage.OrgPermission;
import io.stockage.Project;
import io.stockage.QuotaLimit;
import io.stockage.StockageException;
import io.stockage.Subject;
import io.stockage.Upload;
import io.stockage.UploadChunk;
import io.stockage.UploadSession;
import io.stockage.testkit.Failures;
import io.stockage.testkit.Samples;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Storage quotas per organization and per project: usage counts identical content once; plain
 * uploads, new revisions and resumable uploads are refused with {@code QUOTA_EXCEEDED} when
 * declared, while streaming and at commit, leaving nothing behind; only organization admins set limits.
 */
class QuotasIT {
  private static final Subject ROOT = Subject.of("acme", "root", OrgPermission.ADMIN);

  @TempDir
  Path root;

  private EngineFixture fx;
  private Project project;

  @BeforeEach
  void start() {
    fx = EngineFixture.start(root, UnaryOperator.identity(), builder -> { });
    project = fx.project();
  }

  @AfterEach
  void stop() {
    fx.close();
  }

  @Test
  void usage_countsIdenticalContentOnce_andOnlyAdminsSetLimits() {
    byte[] pdf = Samples.pdf("counted once");
    fx.upload(BOB, project, "a.pdf", pdf);
    fx.upload(BOB, project, "b.pdf", pdf);
    Project other = fx.project();
    fx.upload(BOB, other, "c.pdf", Samples.pdf("another content"));

    assertThat(fx.engine.quotas().project(BOB, project.slug()).usedBytes()).isEqualTo(pdf.length);
    assertThat(fx.engine.quotas().organization(BOB).usedBytes())
        .isEqualTo(pdf.length + Samples.pdf("another content").length);
    assertThat(fx.engine.quotas().project(BOB, project.slug()).limitBytes()).isEmpty();

    Failures.expect(ErrorKind.PERMISSION_DENIED,
        () -> fx.engine.quotas().limitProject(BOB, project.slug(), QuotaLimit.of(10)));
    Failures.expect(ErrorKind.PERMISSION_DENIED,
        () -> fx.engine.quotas().limitProject(ALICE, project.slug(), QuotaLimit.of(10)));
    Failures.expect(ErrorKind.NOT_FOUND, () -> fx.engine.quotas().project(MALLORY, project.slug()));
    Failures.expect(ErrorKind.NOT_FOUND,
        () -> fx.engine.quotas().limitProject(MALLORY, project.slug(), QuotaLimit.of(10)));
    assertThat(fx.engine.quotas().organization(MALLORY).usedBytes()).as("another organization's usage").isZero();

    assertThat(fx.engine.quotas().limitProject(ROOT, project.slug(), QuotaLimit.of(1 << 20)).remainingBytes())
        .hasValue((1 << 20) - pdf.length);
    assertThat(fx.engine.quotas().limitProject(ROOT, project.slug(), QuotaLimit.none()).limitBytes()).isEmpty();
  }

  @Test
  void plainUploads_revisionsAndCopies_pastTheQuota_areRefusedAndLeaveNothing() {
    byte[] first = Samples.pdf("within the quota");
    Item item = fx.upload(BOB, project, "first.pdf", first);
    fx.engine.quotas().limitProject(ROOT, project.slug(), QuotaLimit.of(first.length + 1000));
    byte[] big = Samples.pdf("past the quota, ".repeat(200));
    int before = fx.objects("");

    Failures.expect(ErrorKind.QUOTA_EXCEEDED, () -> fx.upload(BOB, project, "big.pdf", big));
    Failures.expect(ErrorKind.QUOTA_EXCEEDED,
        () -> fx.engine.files().upload(BOB, Upload.of(project.slug(), "declared.pdf",
        new ByteArrayInputStream(big)).withDeclaredSize(big.length)));
    Failures.expect(ErrorKind.QUOTA_EXCEEDED,
        () -> fx.engine.files().write(BOB, item.id(), NewContent.of(new ByteArrayInputStream(big))));
    assertThat(fx.objects("")).as("no staging object or blob left").isEqualTo(before);
    assertThat(fx.engine.quotas().project(BOB, project.slug()).usedBytes()).isEqualTo(first.length);

    // The same content again takes no room.
    fx.upload(BOB, project, "again.pdf", first);
    fx.engine.files().copy(BOB, item.id(), Location.root(project.slug()), "copy.pdf");

    // The organization's limit holds in every project.
    fx.engine.quotas().limitProject(ROOT, project.slug(), QuotaLimit.none());
    fx.engine.quotas().limitOrganization(ROOT, QuotaLimit.of(fx.engine.quotas().organization(BOB).usedBytes() + 10));
    Failures.expect(ErrorKind.QUOTA_EXCEEDED, () -> fx.upload(BOB, fx.project(), "elsewhere.pdf", big));
  }

  @Test
  void anUploadWhoseRoomIsTakenWhileItStreams_isRefusedAtItsCommit_andLeavesNothing() {
    byte[] theirs = Samples.pdf("theirs, ".repeat(100));
    byte[] ours = Samples.pdf("ours, ".repeat(100));
    fx.engine.quotas().limitOrganization(ROOT, QuotaLimit.of(theirs.length + ours.length - 1));
    Item[] other = new Item[1];
    // The competing upload commits after ours measured its room, while ours streams: each fits alone.
    ByteArrayInputStream stream = new ByteArrayInputStream(ours) {
      @Override
      public synchronized int read(byte[] b, int off, int len) {
        if (other[0] == null) {
          other[0] = fx.upload(ALICE, fx.project(), "theirs.pdf", theirs);
        }
        return super.read(b, off, len);
      }
    };
    int before = fx.objects("");

    Failures.expect(ErrorKind.QUOTA_EXCEEDED, () -> fx.engine.files().upload(BOB, Upload.of(project.slug(),
        "ours.pdf", stream)));

    assertThat(other[0]).as("the competing upload ran while ours streamed").isNotNull();
    assertThat(fx.count("select count(*) from items where name = 'ours.pdf'")).isZero();
    assertThat(fx.engine.quotas().organization(ROOT).usedBytes()).isEqualTo(theirs.length);
    // Our content reached its key before the commit failed: the reconciler removes it (another upload
    // may reference the same bytes by then).
    assertThat(fx.engine.maintenance().reconcile().orphans()).isEqualTo(1);
    assertThat(fx.objects("")).as("their content only").isEqualTo(before + 1);
  }

  @Test
  void resumableUploads_areRefusedAtCreateWhenDeclared_whileStreamingWhenNot_andAtCompletion() throws Exception {
    fx.engine.quotas().limitProject(ROOT, project.slug(), QuotaLimit.of(200_000));
    byte[] pdf = Samples.largePdf(300_000, 1).readAllBytes();

    Failures.expect(ErrorKind.QUOTA_EXCEEDED,
        () -> fx.engine.uploads().create(BOB, NewUpload.file(Location.root(project.slug()), "declared.pdf")
        .withLength(pdf.length)));

    UploadSession deferred = fx.engine.uploads().create(BOB, NewUpload.file(Location.root(project.slug()), "grows.pdf"));
    fx.engine.uploads().append(BOB, deferred.id(), UploadChunk.at(0, slice(pdf, 0, 150_000)));
    Failures.expect(ErrorKind.QUOTA_EXCEEDED,
        () -> fx.engine.uploads().append(BOB, deferred.id(), UploadChunk.at(150_000,
        slice(pdf, 150_000, pdf.length))));
    assertThat(fx.engine.uploads().status(BOB, deferred.id()).offset()).isEqualTo(150_000);
    fx.engine.uploads().abort(BOB, deferred.id());
    assertThat(fx.objects("uploads/")).isZero();

    // Each within the room; together past it: the second completion is refused, its session kept.
    byte[] one = Samples.largePdf(120_000, 2).readAllBytes();
    byte[] two = Samples.largePdf(120_000, 3).readAllBytes();
    UploadSession a = full(one, "one.pdf");
    UploadSession b = full(two, "two.pdf");
    fx.engine.uploads().complete(BOB, a.id());
    Failures.expect(ErrorKind.QUOTA_EXCEEDED, () -> fx.engine.uploads().complete(BOB, b.id()));
    assertThat(fx.engine.uploads().status(BOB, b.id()).completed()).isFalse();
    assertThat(fx.engine.quotas().project(BOB, project.slug()).usedBytes()).isEqualTo(one.length);
  }

  private UploadSession full(byte[] content, String name) {
    UploadSession s = fx.engine.uploads().create(BOB, NewUpload.file(Location.root(project.slug()), name)
        .withLength(content.length));
    return fx.engine.uploads().append(BOB, s.id(), UploadChunk.at(0, new ByteArrayInputStream(content)));
  }

  private static ByteArrayInputStream slice(byte[] content, int from, int to) {
    return new ByteArrayInputStream(Arrays.copyOfRange(content, from, to));
  }

}
