package io.stockage.core;

import static io.stockage.core.EngineFixture.ALICE;
import static io.stockage.core.EngineFixture.BOB;
import static io.stockage.core.EngineFixture.CAROL;
import static io.stockage.core.EngineFixture.DAVE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stockage.ByteRange;
import io.stockage.Content;
import io.stockage.DownloadUrl;
import io.stockage.ErrorKind;
import io.stockage.Item;
import io.stockage.NewContent;
import io.stockage.Project;
import io.stockage.ProjectRole;
import io.stockage.StockageException;
import io.stockage.testkit.Samples;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signed download URLs on the local disk (no PRESIGN_READ), on a real engine: bearer URLs, opened
 * without a subject, pinned to their revision, dead at expiry, after any change of a byte, and once
 * their issuer can no longer view the file.
 */
class SignedUrlsIT {
  private static final AtomicReference<Instant> NOW = new AtomicReference<>(Instant.parse("2030-01-01T10:00:00Z"));
  private static final SigningKey KEY = new SigningKey("k1", "0123456789abcdef0123456789abcdef".getBytes());

  @TempDir
  static Path root;
  static EngineFixture fx;

  @BeforeAll
  static void start() {
    InstantSource clock = NOW::get;
    fx = EngineFixture.start(root, UnaryOperator.identity(), b -> b.clock(clock).signingKeys(SigningKeys.of(KEY))
        .publicBaseUrl(URI.create("https://docs.example.com")));
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  private static void assertKind(Executable call, ErrorKind kind) {
    assertThatThrownBy(call::execute).isInstanceOfSatisfying(StockageException.class,
        e -> assertThat(e.kind()).isEqualTo(kind));
  }

  private static byte[] read(URI url, Optional<ByteRange> range) throws IOException {
    try (Content content = range.map(r -> fx.engine.sharing().openSigned(url, r)).orElseGet(() -> fx.engine.sharing().openSigned(url))) {
      return content.stream().readAllBytes();
    }
  }

  private static long denials(Item file) {
    return fx.count("SELECT count(*) FROM audit_log WHERE action = 'signed-download' AND outcome = 'DENIED' "
        + "AND target = ?", file.id().toString());
  }

  @Test
  void downloadUrl_onTheLocalDisk_isABearerUrlServedByOpenSigned() throws IOException {
    Project project = fx.project();
    byte[] pdf = Samples.pdf("signed");
    Item file = fx.upload(ALICE, project, "signed.pdf", pdf);
    DownloadUrl url = fx.engine.sharing().downloadUrl(CAROL, file.id(), Duration.ofMinutes(5));
    assertThat(url.url().toString()).startsWith("https://docs.example.com/api/v1/signed/" + file.id() + "?org="
        + CAROL.org() + "&rev=1&sub=carol&perm=&exp=");
    assertThat(url.expiresAt()).isEqualTo(NOW.get().plus(Duration.ofMinutes(5)));
    assertThat(read(url.url(), Optional.empty())).isEqualTo(pdf);
    assertThat(read(url.url(), Optional.of(ByteRange.closed(3, 7)))).isEqualTo(Arrays.copyOfRange(pdf, 3, 8));
    assertThat(fx.count("SELECT count(*) FROM audit_log WHERE action = 'download-url' AND target = ? "
        + "AND details->>'via' = 'signed-url'", file.id().toString())).isEqualTo(1);
    assertThat(fx.count("SELECT count(*) FROM audit_log WHERE action = 'signed-download' AND outcome = 'ALLOWED' "
        + "AND target = ? AND actor = 'carol'", file.id().toString())).isEqualTo(2);
    assertThat(fx.engine.sharing().presignSigned(url.url())).as("the local disk cannot presign").isEmpty();
  }

  @Test
  void openSigned_afterANewRevision_servesTheSignedRevision() throws IOException {
    Project project = fx.project();
    byte[] v1 = Samples.pdf("v1");
    Item file = fx.upload(ALICE, project, "revs.pdf", v1);
    URI url = fx.engine.sharing().downloadUrl(CAROL, file.id(), Duration.ofMinutes(5)).url();
    fx.engine.files().write(BOB, file.id(), NewContent.of(new ByteArrayInputStream(Samples.pdf("v2"))));
    try (Content content = fx.engine.sharing().openSigned(url)) {
      assertThat(content.stream().readAllBytes()).isEqualTo(v1);
      assertThat(content.item().revision()).isEqualTo(1);
    }
  }

  @Test
  void openSigned_tampered_isPermissionDeniedAndAudited() {
    Project project = fx.project();
    Item file = fx.upload(ALICE, project, "tampered.pdf", Samples.pdf("tampered"));
    URI url = fx.engine.sharing().downloadUrl(CAROL, file.id(), Duration.ofMinutes(5)).url();
    for (String tampered : new String[] {url.toString().replace("rev=1", "rev=2"),
        url.toString().replace("sub=carol", "sub=alice"), url.toString().replace("perm=", "perm=ADMIN"),
        url.toString().replace("org=" + CAROL.org(), "org=globex")}) {
      assertKind(() -> fx.engine.sharing().openSigned(URI.create(tampered)), ErrorKind.PERMISSION_DENIED);
    }
    // Audited, with the claimed issuer unverified: as anonymous; the flood is aggregated.
    assertThat(fx.count("SELECT count(*) FROM audit_log WHERE action = 'signed-download' AND outcome = 'DENIED' "
        + "AND target = ? AND actor = 'anonymous' AND details->>'reason' = 'invalid'", file.id().toString()))
        .isEqualTo(1);
  }

  @Test
  void openSigned_hugeExpiry_isPermissionDeniedAndAudited() {
    Project project = fx.project();
    Item file = fx.upload(ALICE, project, "overflow.pdf", Samples.pdf("overflow"));
    String url = fx.engine.sharing().downloadUrl(CAROL, file.id(), Duration.ofMinutes(5)).url().toString();
    String huge = url.replaceAll("exp=[0-9]+", "exp=999999999999999999");
    assertKind(() -> fx.engine.sharing().openSigned(URI.create(huge)), ErrorKind.PERMISSION_DENIED);
    assertThat(denials(file)).isEqualTo(1);
  }

  @Test
  void openSigned_expired_isPermissionDeniedAndAudited() throws IOException {
    Project project = fx.project();
    Item file = fx.upload(ALICE, project, "expiry.pdf", Samples.pdf("expiry"));
    URI url = fx.engine.sharing().downloadUrl(CAROL, file.id(), Duration.ofSeconds(30)).url();
    NOW.set(NOW.get().plusSeconds(29));
    assertThat(read(url, Optional.empty())).isNotEmpty();
    NOW.set(NOW.get().plusSeconds(1));
    assertKind(() -> fx.engine.sharing().openSigned(url), ErrorKind.PERMISSION_DENIED);
    assertThat(denials(file)).isEqualTo(1);
  }

  @Test
  void openSigned_afterTheIssuerLostView_isPermissionDenied() throws IOException {
    Project project = fx.project();
    Item file = fx.upload(ALICE, project, "revoked.pdf", Samples.pdf("revoked"));
    fx.engine.projects().addMember(ALICE, project.slug(), DAVE.user(), ProjectRole.VIEWER);
    URI url = fx.engine.sharing().downloadUrl(DAVE, file.id(), Duration.ofMinutes(5)).url();
    assertThat(read(url, Optional.empty())).isNotEmpty();
    fx.engine.projects().removeMember(ALICE, project.slug(), DAVE.user());
    assertKind(() -> fx.engine.sharing().openSigned(url), ErrorKind.PERMISSION_DENIED);
    assertThat(fx.count("SELECT count(*) FROM audit_log WHERE action = 'signed-download' AND outcome = 'DENIED' "
        + "AND target = ? AND actor = 'dave' AND details->>'reason' = 'issuer-lost-view'", file.id().toString()))
        .isEqualTo(1);
  }

  @Test
  void openSigned_aFloodOfRefusals_isAuditedOnceAMinuteWithTheCount() {
    Project project = fx.project();
    Item file = fx.upload(ALICE, project, "flood.pdf", Samples.pdf("flood"));
    URI url = fx.engine.sharing().downloadUrl(CAROL, file.id(), Duration.ofSeconds(10)).url();
    NOW.set(NOW.get().plusSeconds(10));
    for (int i = 0; i < 50; i++) {
      assertKind(() -> fx.engine.sharing().openSigned(url), ErrorKind.PERMISSION_DENIED);
    }
    assertThat(denials(file)).isEqualTo(1);
    NOW.set(NOW.get().plusSeconds(60));
    assertKind(() -> fx.engine.sharing().openSigned(url), ErrorKind.PERMISSION_DENIED);
    assertThat(fx.count("SELECT count(*) FROM audit_log WHERE action = 'signed-download' AND outcome = 'DENIED' "
        + "AND target = ? AND details->>'unauditedBefore' = '49'", file.id().toString())).isEqualTo(1);
  }

  @Test
  void openSigned_trashedFile_isPermissionDenied() {
    Project project = fx.project();
    Item file = fx.upload(ALICE, project, "trashed.pdf", Samples.pdf("trashed"));
    URI url = fx.engine.sharing().downloadUrl(CAROL, file.id(), Duration.ofMinutes(5)).url();
    fx.engine.files().trash(ALICE, file.id());
    assertKind(() -> fx.engine.sharing().openSigned(url), ErrorKind.PERMISSION_DENIED);
  }

  @Test
  void downloadUrl_badTtl_isInvalidArgument() {
    Project project = fx.project();
    Item file = fx.upload(ALICE, project, "ttl.pdf", Samples.pdf("ttl"));
    assertKind(() -> fx.engine.sharing().downloadUrl(CAROL, file.id(), Duration.ZERO), ErrorKind.INVALID_ARGUMENT);
    assertKind(() -> fx.engine.sharing().downloadUrl(CAROL, file.id(), Duration.ofDays(7).plusSeconds(1)),
        ErrorKind.INVALID_ARGUMENT);
  }
}
