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
import io.stockage.Location;
import io.stockage.NewContent;
import io.stockage.Project;
import io.stockage.ShareLink;
import io.stockage.StockageException;
import io.stockage.testkit.Samples;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/** Share links on a real engine: PostgreSQL and the local disk, time from a clock the test moves. */
class ShareLinksIT {
  private static final AtomicReference<Instant> NOW = new AtomicReference<>(Instant.parse("2030-01-01T10:00:00Z"));

  @TempDir
  static Path root;
  static EngineFixture fx;

  @BeforeAll
  static void start() {
    InstantSource clock = NOW::get;
    fx = EngineFixture.start(root, UnaryOperator.identity(), b -> b.clock(clock));
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  private static void assertKind(Executable call, ErrorKind kind) {
    assertThatThrownBy(call::execute).isInstanceOfSatisfying(StockageException.class,
        e -> assertThat(e.kind()).isEqualTo(kind));
  }

  private static byte[] read(String token, Optional<ByteRange> range) throws IOException {
    try (Content content = range.map(r -> fx.engine.sharing().openLink(token, r)).orElseGet(() -> fx.engine.sharing().openLink(token))) {
      return content.stream().readAllBytes();
    }
  }

  private static String notFoundMessage(String token) {
    try {
      fx.engine.sharing().openLink(token).close();
      throw new AssertionError("the token opened");
    } catch (StockageException e) {
      assertThat(e.kind()).isEqualTo(ErrorKind.NOT_FOUND);
      return e.getMessage();
    }
  }

  @Test
  void openShared_validToken_servesTheCurrentRevisionAndRanges() throws IOException {
    Project project = fx.project();
    byte[] v1 = Samples.pdf("shared v1");
    Item file = fx.upload(ALICE, project, "shared.pdf", v1);
    ShareLink link = fx.engine.sharing().createLink(ALICE, file.id(), Duration.ofHours(1));
    assertThat(link.token()).matches("[A-Za-z0-9_-]{43}");
    assertThat(link.expiresAt()).isEqualTo(NOW.get().plus(Duration.ofHours(1)));
    assertThat(read(link.token(), Optional.empty())).isEqualTo(v1);
    assertThat(read(link.token(), Optional.of(ByteRange.closed(5, 9)))).isEqualTo(Arrays.copyOfRange(v1, 5, 10));
    byte[] v2 = Samples.pdf("shared v2");
    fx.engine.files().write(BOB, file.id(), NewContent.of(new ByteArrayInputStream(v2)));
    try (Content content = fx.engine.sharing().openLink(link.token())) {
      assertThat(content.stream().readAllBytes()).isEqualTo(v2);
      assertThat(content.item().revision()).isEqualTo(2);
    }
  }

  @Test
  void createShareLink_withoutShare_isDeniedAndOtherOrgIsNotFound() {
    Project project = fx.project();
    Item file = fx.upload(ALICE, project, "private.pdf", Samples.pdf("private"));
    assertKind(() -> fx.engine.sharing().createLink(CAROL, file.id(), Duration.ofHours(1)), ErrorKind.PERMISSION_DENIED);
    assertKind(() -> fx.engine.sharing().createLink(BOB, file.id(), Duration.ofHours(1)), ErrorKind.PERMISSION_DENIED);
    assertKind(() -> fx.engine.sharing().createLink(MALLORY, file.id(), Duration.ofHours(1)), ErrorKind.NOT_FOUND);
  }

  @Test
  void createShareLink_badTtlOrFolder_isInvalidArgument() {
    Project project = fx.project();
    Item file = fx.upload(ALICE, project, "ttl.pdf", Samples.pdf("ttl"));
    Item folder = fx.engine.files().createFolder(ALICE, Location.root(project.slug()), "docs");
    assertKind(() -> fx.engine.sharing().createLink(ALICE, file.id(), Duration.ZERO), ErrorKind.INVALID_ARGUMENT);
    assertKind(() -> fx.engine.sharing().createLink(ALICE, file.id(), Duration.ofMillis(999)), ErrorKind.INVALID_ARGUMENT);
    assertKind(() -> fx.engine.sharing().createLink(ALICE, file.id(), Duration.ofDays(30).plusSeconds(1)),
        ErrorKind.INVALID_ARGUMENT);
    assertKind(() -> fx.engine.sharing().createLink(ALICE, folder.id(), Duration.ofHours(1)), ErrorKind.INVALID_ARGUMENT);
    assertThat(fx.engine.sharing().createLink(ALICE, file.id(), Duration.ofDays(30)).expiresAt())
        .isEqualTo(NOW.get().plus(Duration.ofDays(30)));
  }

  @Test
  void revokeShareLink_thenOpen_isNotFoundAtOnce() throws IOException {
    Project project = fx.project();
    Item file = fx.upload(ALICE, project, "revoke.pdf", Samples.pdf("revoke"));
    ShareLink link = fx.engine.sharing().createLink(ALICE, file.id(), Duration.ofHours(1));
    assertThat(read(link.token(), Optional.empty())).isNotEmpty();
    assertKind(() -> fx.engine.sharing().revokeLink(MALLORY, link.id()), ErrorKind.NOT_FOUND);
    assertKind(() -> fx.engine.sharing().revokeLink(CAROL, link.id()), ErrorKind.PERMISSION_DENIED);
    assertKind(() -> fx.engine.sharing().revokeLink(ALICE, UUID.randomUUID()), ErrorKind.NOT_FOUND);
    fx.engine.sharing().revokeLink(ALICE, link.id());
    assertKind(() -> fx.engine.sharing().openLink(link.token()), ErrorKind.NOT_FOUND);
    fx.engine.sharing().revokeLink(ALICE, link.id());
  }

  @Test
  void openShared_unknownExpiredRevokedOrTrashed_isNotFoundWithOneMessage() {
    Project project = fx.project();
    Item expiring = fx.upload(ALICE, project, "expiring.pdf", Samples.pdf("expiring"));
    Item trashed = fx.upload(ALICE, project, "trashed.pdf", Samples.pdf("trashed"));
    Item revoked = fx.upload(ALICE, project, "revoked.pdf", Samples.pdf("revoked"));
    ShareLink expiringLink = fx.engine.sharing().createLink(ALICE, expiring.id(), Duration.ofSeconds(10));
    ShareLink trashedLink = fx.engine.sharing().createLink(ALICE, trashed.id(), Duration.ofHours(1));
    ShareLink revokedLink = fx.engine.sharing().createLink(ALICE, revoked.id(), Duration.ofHours(1));
    fx.engine.files().trash(ALICE, trashed.id());
    fx.engine.sharing().revokeLink(ALICE, revokedLink.id());
    NOW.set(NOW.get().plusSeconds(10));
    String unknown = notFoundMessage("not-a-token");
    assertThat(notFoundMessage(expiringLink.token())).isEqualTo(unknown);
    assertThat(notFoundMessage(trashedLink.token())).isEqualTo(unknown);
    assertThat(notFoundMessage(revokedLink.token())).isEqualTo(unknown);
    assertThat(unknown).doesNotContain(expiringLink.token());
    assertThat(fx.count("SELECT count(*) FROM audit_log WHERE action = 'share-link-open' AND outcome = 'DENIED' "
        + "AND details->>'link' IN (?, ?, ?)", expiringLink.id().toString(), trashedLink.id().toString(),
        revokedLink.id().toString())).isEqualTo(3);
  }

  @Test
  void createShareLink_storesOnlyTheTokenHash_andHidesTheToken() throws Exception {
    Project project = fx.project();
    Item file = fx.upload(ALICE, project, "hash.pdf", Samples.pdf("hash"));
    ShareLink link = fx.engine.sharing().createLink(ALICE, file.id(), Duration.ofHours(1));
    String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
        .digest(link.token().getBytes(StandardCharsets.UTF_8)));
    assertThat(fx.count("SELECT count(*) FROM share_links WHERE id = ? AND token_hash = ?", link.id(), hash))
        .isEqualTo(1);
    assertThat(fx.count("SELECT count(*) FROM share_links WHERE token_hash = ?", link.token())).isZero();
    assertThat(fx.count("SELECT count(*) FROM audit_log WHERE details::text LIKE ?", "%" + link.token() + "%"))
        .isZero();
    assertThat(link.toString()).doesNotContain(link.token()).contains(link.id().toString());
  }

  @Test
  void shareLinks_creationRevocationAndUse_areAudited() throws IOException {
    Project project = fx.project();
    Item file = fx.upload(ALICE, project, "audited.pdf", Samples.pdf("audited"));
    ShareLink link = fx.engine.sharing().createLink(ALICE, file.id(), Duration.ofHours(1));
    read(link.token(), Optional.empty());
    fx.engine.sharing().revokeLink(ALICE, link.id());
    String id = link.id().toString();
    assertThat(fx.count("SELECT count(*) FROM audit_log WHERE action = 'share-link-create' AND outcome = 'ALLOWED' "
        + "AND details->>'link' = ? AND actor = 'alice' AND org_id = 'acme'", id)).isEqualTo(1);
    assertThat(fx.count("SELECT count(*) FROM audit_log WHERE action = 'share-link-open' AND outcome = 'ALLOWED' "
        + "AND details->>'link' = ? AND details->>'via' = 'share-link' AND actor = 'alice' AND target = ?", id,
        file.id().toString())).isEqualTo(1);
    assertThat(fx.count("SELECT count(*) FROM audit_log WHERE action = 'share-link-revoke' AND outcome = 'ALLOWED' "
        + "AND details->>'link' = ?", id)).isEqualTo(1);
  }

  @Test
  void purge_removesTheItemsLinks() {
    Project project = fx.project();
    Item file = fx.upload(ALICE, project, "purged.pdf", Samples.pdf("purged"));
    ShareLink link = fx.engine.sharing().createLink(ALICE, file.id(), Duration.ofHours(1));
    fx.engine.files().trash(ALICE, file.id());
    fx.engine.files().purge(ALICE, file.id());
    assertThat(fx.count("SELECT count(*) FROM share_links WHERE id = ?", link.id())).isZero();
    assertKind(() -> fx.engine.sharing().openLink(link.token()), ErrorKind.NOT_FOUND);
  }

  @Test
  void openShared_onceTheCreatorLostShare_isNotFound_andBackWhenRegained() throws IOException {
    Project project = fx.project();
    Item file = fx.upload(BOB, project, "creator.pdf", Samples.pdf("creator"));
    fx.engine.projects().addMember(ALICE, project.slug(), EngineFixture.DAVE.user(), io.stockage.ProjectRole.ADMIN);
    ShareLink link = fx.engine.sharing().createLink(EngineFixture.DAVE, file.id(), Duration.ofHours(1));
    assertThat(read(link.token(), Optional.empty())).isNotEmpty();
    fx.engine.projects().addMember(ALICE, project.slug(), EngineFixture.DAVE.user(), io.stockage.ProjectRole.EDITOR);
    assertKind(() -> fx.engine.sharing().openLink(link.token()), ErrorKind.NOT_FOUND);
    assertThat(fx.count("SELECT count(*) FROM audit_log WHERE action = 'share-link-open' AND outcome = 'DENIED' "
        + "AND details->>'reason' = 'creator-lost-share' AND details->>'link' = ?", link.id().toString())).isEqualTo(1);
    fx.engine.projects().addMember(ALICE, project.slug(), EngineFixture.DAVE.user(), io.stockage.ProjectRole.ADMIN);
    assertThat(read(link.token(), Optional.empty())).isNotEmpty();
  }

  @Test
  void openShared_aFloodOfARevokedToken_isAuditedOnceAMinuteWithTheCount() {
    Project project = fx.project();
    Item file = fx.upload(ALICE, project, "flood.pdf", Samples.pdf("flood"));
    ShareLink link = fx.engine.sharing().createLink(ALICE, file.id(), Duration.ofHours(1));
    fx.engine.sharing().revokeLink(ALICE, link.id());
    for (int i = 0; i < 100; i++) {
      assertKind(() -> fx.engine.sharing().openLink(link.token()), ErrorKind.NOT_FOUND);
    }
    String denied = "SELECT count(*) FROM audit_log WHERE action = 'share-link-open' AND outcome = 'DENIED' "
        + "AND details->>'link' = ?";
    assertThat(fx.count(denied, link.id().toString())).isEqualTo(1);
    NOW.set(NOW.get().plusSeconds(61));
    assertKind(() -> fx.engine.sharing().openLink(link.token()), ErrorKind.NOT_FOUND);
    assertThat(fx.count(denied + " AND details->>'unauditedBefore' = '99'", link.id().toString())).isEqualTo(1);
  }
}
