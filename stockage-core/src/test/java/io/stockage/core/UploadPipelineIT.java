package io.stockage.core;

import static io.stockage.core.EngineFixture.ALICE;
import static io.stockage.core.EngineFixture.BOB;
import static io.stockage.core.EngineFixture.CAROL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stockage.ByteRange;
import io.stockage.Content;
import io.stockage.ErrorKind;
import io.stockage.Item;
import io.stockage.NewContent;
import io.stockage.PageRequest;
import io.stockage.PolicyReason;
import io.stockage.Project;
import io.stockage.StockageException;
import io.stockage.Upload;
import io.stockage.testkit.Samples;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UploadPipelineIT {
  @TempDir
  static Path root;
  static EngineFixture fx;

  @BeforeAll
  static void start() {
    fx = EngineFixture.start(root);
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  private static byte[] pdf(long seed) {
    byte[] tail = new byte[300_000];
    new Random(seed).nextBytes(tail);
    byte[] head = Samples.pdf("seed " + seed);
    byte[] all = Arrays.copyOf(head, head.length + tail.length);
    System.arraycopy(tail, 0, all, head.length, tail.length);
    return all;
  }

  private static String sha256(byte[] data) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
  }

  private static byte[] read(Content content) throws IOException {
    try (content) {
      return content.stream().readAllBytes();
    }
  }

  private static void assertPolicy(Runnable call, PolicyReason reason) {
    assertThatThrownBy(call::run).isInstanceOfSatisfying(StockageException.class, e -> {
      assertThat(e.kind()).isEqualTo(ErrorKind.POLICY_VIOLATION);
      assertThat(e.reason()).contains(reason);
    });
  }

  @Test
  void upload_thenOpen_returnsSameBytes() throws Exception {
    Project project = fx.project();
    byte[] data = pdf(1);
    Item item = fx.upload(BOB, project, "plan.pdf", data);
    assertThat(item.sha256()).isEqualTo(sha256(data));
    assertThat(item.size()).isEqualTo(data.length);
    assertThat(item.mimeType()).isEqualTo("application/pdf");
    assertThat(item.revision()).isEqualTo(1);
    assertThat(item.owner()).isEqualTo(BOB.user());
    byte[] back = read(fx.engine.files().open(ALICE, item.id()));
    assertThat(sha256(back)).isEqualTo(sha256(data));
  }

  @Test
  void open_range_returnsExactlyTheSlice() throws Exception {
    Project project = fx.project();
    byte[] data = pdf(2);
    Item item = fx.upload(BOB, project, "plan.pdf", data);
    try (Content content = fx.engine.files().open(ALICE, item.id(), ByteRange.closed(1000, 1999))) {
      assertThat(content.isPartial()).isTrue();
      assertThat(content.slice()).isEqualTo(new ByteRange.Slice(1000, 1000));
      assertThat(content.stream().readAllBytes()).isEqualTo(Arrays.copyOfRange(data, 1000, 2000));
    }
    assertThat(read(fx.engine.files().open(ALICE, item.id(), ByteRange.suffix(10))))
        .isEqualTo(Arrays.copyOfRange(data, data.length - 10, data.length));
  }

  @Test
  void open_unsatisfiableRange_isRangeNotSatisfiable() {
    Project project = fx.project();
    Item item = fx.upload(BOB, project, "plan.pdf", pdf(3));
    assertThatThrownBy(() -> fx.engine.files().open(ALICE, item.id(), ByteRange.from(item.size())))
        .isInstanceOfSatisfying(StockageException.class, e -> {
          assertThat(e.kind()).isEqualTo(ErrorKind.RANGE_NOT_SATISFIABLE);
          assertThat(e.operation()).contains("download");
        });
  }

  @Test
  void upload_151MegabytesUndeclared_isTooLargeAndLeavesNothing() {
    Project project = fx.project();
    long blobs = fx.count("select count(*) from blobs");
    long items = fx.count("select count(*) from items");
    int objects = fx.objects("");
    Upload upload = Upload.of(project.slug(), "big.pdf", Samples.largePdf(151L * 1024 * 1024, 7));
    assertPolicy(() -> fx.engine.files().upload(BOB, upload), PolicyReason.TOO_LARGE);
    assertThat(fx.count("select count(*) from blobs")).isEqualTo(blobs);
    assertThat(fx.count("select count(*) from items")).isEqualTo(items);
    assertThat(fx.objects("")).isEqualTo(objects);
    assertThat(fx.objects("staging/")).isZero();
    assertThat(fx.count("select count(*) from audit_log where action = 'upload' and outcome = 'FAILED' "
        + "and details->>'reason' = 'TOO_LARGE'")).isPositive();
  }

  @Test
  void upload_declaredTooLarge_isRefusedBeforeReading() {
    Project project = fx.project();
    ByteArrayInputStream in = new ByteArrayInputStream(Samples.pdf("x"));
    Upload upload = Upload.of(project.slug(), "big.pdf", in).withDeclaredSize(200L * 1024 * 1024);
    assertPolicy(() -> fx.engine.files().upload(BOB, upload), PolicyReason.TOO_LARGE);
    assertThat(in.available()).isEqualTo(Samples.pdf("x").length);
  }

  @Test
  void upload_declaredSizeWrong_isInvalidArgument() {
    Project project = fx.project();
    byte[] data = Samples.pdf("x");
    Upload upload = Upload.of(project.slug(), "a.pdf", new ByteArrayInputStream(data)).withDeclaredSize(data.length + 1);
    assertThatThrownBy(() -> fx.engine.files().upload(BOB, upload)).isInstanceOfSatisfying(StockageException.class,
        e -> assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_ARGUMENT));
    assertThat(fx.objects("staging/")).isZero();
  }

  @Test
  void upload_executableNamedPdf_isContentMismatch() {
    Project project = fx.project();
    assertPolicy(() -> fx.upload(BOB, project, "plan.pdf", Samples.windowsExecutable()), PolicyReason.CONTENT_MISMATCH);
    assertThat(fx.objects("staging/")).isZero();
  }

  @Test
  void upload_badNames_areInvalidName() {
    Project project = fx.project();
    for (String name : List.of("../../etc/passwd", "a/b", "", "a".repeat(296) + ".pdf")) {
      assertPolicy(() -> fx.upload(BOB, project, name, Samples.pdf("x")), PolicyReason.INVALID_NAME);
    }
    assertPolicy(() -> fx.upload(BOB, project, "virus.exe", Samples.windowsExecutable()), PolicyReason.TYPE_NOT_ALLOWED);
  }

  @Test
  void upload_everyDefaultType_isAccepted() {
    Project project = fx.project();
    assertThat(fx.upload(BOB, project, "site.png", Samples.png(8, 8)).mimeType()).isEqualTo("image/png");
    assertThat(fx.upload(BOB, project, "site.jpg", Samples.jpg(8, 8)).mimeType()).isEqualTo("image/jpeg");
    assertThat(fx.upload(BOB, project, "bridge.glb", Samples.glb("deck")).mimeType()).isEqualTo("model/gltf-binary");
    assertThat(fx.upload(BOB, project, "bridge.gltf", Samples.gltf("deck")).mimeType()).isEqualTo("model/gltf+json");
    assertThat(fx.upload(BOB, project, "pier.stl", Samples.stlBinary(12)).mimeType()).isEqualTo("model/stl");
    assertThat(fx.upload(BOB, project, "pile.stl", Samples.stlAscii(2)).mimeType()).isEqualTo("model/stl");
  }

  @Test
  void upload_sameNameTwice_createsTheNextRevision() throws Exception {
    Project project = fx.project();
    Item first = fx.upload(BOB, project, "plan.pdf", pdf(4));
    byte[] second = pdf(5);
    Item again = fx.upload(ALICE, project, "plan.pdf", second);
    assertThat(again.id()).isEqualTo(first.id());
    assertThat(again.revision()).isEqualTo(2);
    assertThat(read(fx.engine.files().open(BOB, first.id()))).isEqualTo(second);
  }

  @Test
  void upload_sameNameByViewer_isPermissionDenied() {
    Project project = fx.project();
    fx.upload(BOB, project, "plan.pdf", pdf(14));
    assertThatThrownBy(() -> fx.upload(CAROL, project, "plan.pdf", pdf(15))).isInstanceOfSatisfying(
        StockageException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.PERMISSION_DENIED));
  }

  @Test
  void upload_sameNameWhenConfiguredToFail_isAlreadyExists(@org.junit.jupiter.api.io.TempDir Path other) {
    try (EngineFixture strict = EngineFixture.start(other, c -> c,
        b -> b.onExistingName(io.stockage.OnExistingName.FAIL))) {
      Project project = strict.project();
      strict.upload(BOB, project, "plan.pdf", pdf(16));
      assertThatThrownBy(() -> strict.upload(BOB, project, "plan.pdf", pdf(17))).isInstanceOfSatisfying(
          StockageException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.ALREADY_EXISTS));
    }
  }

  @Test
  void upload_identicalBytesTwice_storesOneBlob() throws Exception {
    Project project = fx.project();
    byte[] data = pdf(6);
    Item a = fx.upload(BOB, project, "a.pdf", data);
    Item b = fx.upload(ALICE, project, "b.pdf", data);
    assertThat(a.id()).isNotEqualTo(b.id());
    String sha = sha256(data);
    assertThat(fx.count("select count(*) from blobs where sha256 = ?", sha)).isEqualTo(1);
    assertThat(fx.count("select ref_count from blobs where sha256 = ?", sha)).isEqualTo(2);
    assertThat(fx.objects("org_acme/blobs/sha256/" + sha.substring(0, 2) + "/" + sha.substring(2, 4) + "/" + sha))
        .isEqualTo(1);
    assertThat(fx.objects("staging/")).isZero();
  }

  @Test
  void write_overwrite_createsRevision2AndKeepsRevision1() throws Exception {
    Project project = fx.project();
    byte[] first = pdf(7);
    byte[] second = pdf(8);
    Item item = fx.upload(BOB, project, "plan.pdf", first);
    Item updated = fx.engine.files().write(BOB, item.id(), NewContent.of(new ByteArrayInputStream(second)));
    assertThat(updated.revision()).isEqualTo(2);
    assertThat(updated.sha256()).isEqualTo(sha256(second));
    assertThat(read(fx.engine.files().open(CAROL, item.id()))).isEqualTo(second);
    try (io.stockage.Content old = fx.engine.revisions().open(CAROL, item.id(), 1)) {
      assertThat(old.stream().readAllBytes()).isEqualTo(first);
    }
    assertThat(fx.engine.revisions().list(CAROL, item.id(), PageRequest.first(10)).items())
        .extracting(r -> r.number()).containsExactly(2, 1);
  }

  @Test
  void write_staleExpectedRevision_isConflict() {
    Project project = fx.project();
    Item item = fx.upload(BOB, project, "plan.pdf", pdf(9));
    fx.engine.files().write(BOB, item.id(), NewContent.of(new ByteArrayInputStream(pdf(10))).ifRevision(1));
    assertThatThrownBy(() -> fx.engine.files().write(BOB, item.id(), NewContent.of(new ByteArrayInputStream(pdf(11))).ifRevision(1)))
        .isInstanceOfSatisfying(StockageException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.CONFLICT));
  }

  @Test
  void write_contentOfAnotherType_isContentMismatch() {
    Project project = fx.project();
    Item item = fx.upload(BOB, project, "plan.pdf", pdf(12));
    assertPolicy(() -> fx.engine.files().write(BOB, item.id(), NewContent.of(new ByteArrayInputStream(Samples.png(2, 2)))),
        PolicyReason.CONTENT_MISMATCH);
    assertThat(fx.engine.files().stat(BOB, item.id()).revision()).isEqualTo(1);
  }

  @Test
  void downloadUrl_onAMountThatCannotPresign_isSignedByTheEngine() {
    Project project = fx.project();
    Item item = fx.upload(BOB, project, "plan.pdf", pdf(18));
    java.net.URI url = fx.engine.sharing().downloadUrl(CAROL, item.id(), java.time.Duration.ofMinutes(1)).url();
    assertThat(url.toString()).startsWith("http://localhost:8080/api/v1/signed/" + item.id() + "?org=acme&rev=1&sub=carol&");
    assertThatThrownBy(() -> fx.engine.sharing().downloadUrl(EngineFixture.MALLORY, item.id(), java.time.Duration.ofMinutes(1)))
        .isInstanceOfSatisfying(StockageException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.NOT_FOUND));
  }

  @Test
  void open_isAudited() throws IOException {
    Project project = fx.project();
    Item item = fx.upload(BOB, project, "plan.pdf", pdf(13));
    read(fx.engine.files().open(CAROL, item.id()));
    assertThat(fx.count("select count(*) from audit_log where action = 'download' and actor = 'carol' "
        + "and target = ? and outcome = 'ALLOWED'", item.id().toString())).isEqualTo(1);
  }
}
