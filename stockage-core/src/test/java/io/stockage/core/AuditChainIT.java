package io.stockage.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stockage.AuditEntry;
import io.stockage.AuditOutcome;
import io.stockage.AuditVerification;
import io.stockage.ErrorKind;
import io.stockage.Item;
import io.stockage.Location;
import io.stockage.NewProject;
import io.stockage.OrgPermission;
import io.stockage.Page;
import io.stockage.PageRequest;
import io.stockage.Project;
import io.stockage.StockageException;
import io.stockage.Subject;
import io.stockage.testkit.Samples;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The audit log's hash chain on real PostgreSQL: tampering by plain SQL is found. */
class AuditChainIT {
  private static final int THREADS = 8;

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

  /** The admin of a new organization, so that each test has a chain of its own. */
  private static Subject newAdmin() {
    return Subject.of("org-" + UUID.randomUUID(), "root", OrgPermission.ADMIN);
  }

  /** Operations of every outcome in the admin's organization: at least ten audit rows. */
  private static Project activity(Subject admin) {
    String slug = "p-" + UUID.randomUUID().toString().substring(0, 8);
    Project project = fx.engine.projects().create(admin, NewProject.of(slug, "Project"));
    Item file = fx.upload(admin, project, "a.pdf", Samples.pdf("a"));
    for (int i = 0; i < 5; i++) {
      fx.engine.files().createFolder(admin, Location.root(slug), "folder " + i);
    }
    fx.engine.files().rename(admin, file.id(), "b.pdf");
    Subject outsider = new Subject(admin.org(), io.stockage.UserId.of("outsider"), java.util.Set.of());
    assertThatThrownBy(() -> fx.engine.projects().create(outsider, NewProject.of("x-" + slug, "X")))
        .isInstanceOf(StockageException.class);
    assertThatThrownBy(() -> fx.engine.files().createFolder(admin, Location.root(slug), "folder 0"))
        .isInstanceOf(StockageException.class);
    fx.engine.files().trash(admin, file.id());
    return project;
  }

  private static long rows(Subject admin) {
    return fx.count("SELECT count(*) FROM audit_log WHERE org_id = ?", admin.org().value());
  }

  /** The id of the audit row in the middle of the organization's chain. */
  private static long middleRow(Subject admin) {
    return fx.count("SELECT id FROM audit_log WHERE org_id = ? ORDER BY id OFFSET ? LIMIT 1",
        admin.org().value(), rows(admin) / 2);
  }

  private static void execute(String sql, Object... args) {
    try (Connection c = fx.db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void verifyAuditChain_afterManyOperations_intact() {
    Subject admin = newAdmin();
    activity(admin);
    activity(admin);

    AuditVerification result = fx.engine.audit().verify(admin);

    assertThat(result.intact()).as(result.detail()).isTrue();
    assertThat(result.firstBrokenId()).isEmpty();
    assertThat(result.rowsChecked()).isEqualTo(rows(admin)).isGreaterThan(20);
  }

  @Test
  void verifyAuditChain_noAuditRows_intact() {
    AuditVerification result = fx.engine.audit().verify(newAdmin());

    assertThat(result.intact()).isTrue();
    assertThat(result.rowsChecked()).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"actor = 'eve'", "action = 'download'", "target = 'elsewhere'",
      "outcome = CASE outcome WHEN 'ALLOWED' THEN 'FAILED' ELSE 'ALLOWED' END", "details = '{\"size\": \"1\"}'",
      "details = details || '{\"extra\": \"x\"}'", "at = at + interval '1 microsecond'",
      "prev_hash = repeat('1', 64)", "hash = repeat('2', 64)"})
  void verifyAuditChain_middleRowColumnEdited_reportsThatRow(String assignment) {
    Subject admin = newAdmin();
    activity(admin);
    long middle = middleRow(admin);

    execute("UPDATE audit_log SET " + assignment + " WHERE id = ?", middle);
    AuditVerification result = fx.engine.audit().verify(admin);

    assertThat(result.intact()).isFalse();
    assertThat(result.firstBrokenId()).contains(middle);
    assertThat(result.detail()).contains("row " + middle + " was altered");
  }

  @Test
  void verifyAuditChain_middleRowMovedToAnotherOrg_reportsTheRowAfterIt() {
    Subject admin = newAdmin();
    activity(admin);
    long middle = middleRow(admin);
    long next = fx.count("SELECT min(id) FROM audit_log WHERE org_id = ? AND id > ?", admin.org().value(), middle);

    execute("UPDATE audit_log SET org_id = 'elsewhere' WHERE id = ?", middle);
    AuditVerification result = fx.engine.audit().verify(admin);

    assertThat(result.intact()).isFalse();
    assertThat(result.firstBrokenId()).contains(next);
  }

  @Test
  void verifyAuditChain_middleRowDeleted_reportsTheRowAfterIt() {
    Subject admin = newAdmin();
    activity(admin);
    long middle = middleRow(admin);
    long next = fx.count("SELECT min(id) FROM audit_log WHERE org_id = ? AND id > ?", admin.org().value(), middle);

    execute("DELETE FROM audit_log WHERE id = ?", middle);
    AuditVerification result = fx.engine.audit().verify(admin);

    assertThat(result.intact()).isFalse();
    assertThat(result.firstBrokenId()).contains(next);
    assertThat(result.detail()).contains("does not follow");
  }

  @Test
  void verifyAuditChain_firstRowDeleted_reportsTheRowAfterIt() {
    Subject admin = newAdmin();
    activity(admin);
    long first = fx.count("SELECT min(id) FROM audit_log WHERE org_id = ?", admin.org().value());
    long second = fx.count("SELECT min(id) FROM audit_log WHERE org_id = ? AND id > ?", admin.org().value(), first);

    execute("DELETE FROM audit_log WHERE id = ?", first);
    AuditVerification result = fx.engine.audit().verify(admin);

    assertThat(result.firstBrokenId()).contains(second);
    assertThat(result.detail()).contains("does not start the chain");
  }

  @Test
  void verifyAuditChain_lastRowDeleted_reportsTheMissingRow() {
    Subject admin = newAdmin();
    activity(admin);
    long last = fx.count("SELECT max(id) FROM audit_log WHERE org_id = ?", admin.org().value());

    execute("DELETE FROM audit_log WHERE id = ?", last);
    AuditVerification result = fx.engine.audit().verify(admin);

    assertThat(result.intact()).isFalse();
    assertThat(result.firstBrokenId()).contains(last);
    assertThat(result.detail()).contains("the last rows were deleted");
  }

  @Test
  void verifyAuditChain_headDeleted_broken() {
    Subject admin = newAdmin();
    activity(admin);

    execute("DELETE FROM audit_heads WHERE org_id = ?", admin.org().value());

    assertThat(fx.engine.audit().verify(admin).intact()).isFalse();
  }

  @Test
  void audit_eightThreadsAppending_chainNeverForks() throws Exception {
    Subject admin = newAdmin();
    Project project = fx.engine.projects().create(admin, NewProject.of("p-" + UUID.randomUUID().toString()
        .substring(0, 8), "Concurrent"));
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      int thread = t;
      done.add(pool.submit(() -> {
        go.await();
        for (int i = 0; i < 10; i++) {
          fx.engine.files().createFolder(admin, Location.root(project.slug()), "t" + thread + "-" + i);
        }
        return null;
      }));
    }
    go.countDown();
    for (Future<?> f : done) {
      f.get();
    }
    pool.shutdown();

    AuditVerification result = fx.engine.audit().verify(admin);

    assertThat(result.intact()).as(result.detail()).isTrue();
    assertThat(result.rowsChecked()).isEqualTo(1 + THREADS * 10);
    assertThat(fx.count("SELECT count(DISTINCT prev_hash) FROM audit_log WHERE org_id = ?", admin.org().value()))
        .isEqualTo(1 + THREADS * 10);
  }

  @Test
  void audit_nonAdmin_permissionDeniedAndAuditedAsDenial() {
    Subject admin = newAdmin();
    activity(admin);
    Subject creator = new Subject(admin.org(), io.stockage.UserId.of("creator"),
        java.util.Set.of(OrgPermission.CREATE_PROJECT, OrgPermission.VIEW));

    assertThatThrownBy(() -> fx.engine.audit().list(creator, PageRequest.first(10))).isInstanceOfSatisfying(
        StockageException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.PERMISSION_DENIED));
    assertThatThrownBy(() -> fx.engine.audit().verify(creator)).isInstanceOfSatisfying(
        StockageException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.PERMISSION_DENIED));

    AuditEntry newest = fx.engine.audit().list(admin, PageRequest.first(1)).items().get(0);
    assertThat(newest.actor()).isEqualTo(creator.user());
    assertThat(newest.action()).isEqualTo("verify-audit");
    assertThat(newest.outcome()).isEqualTo(AuditOutcome.DENIED);
    assertThat(fx.engine.audit().verify(admin).intact()).isTrue();
  }

  @Test
  void audit_twoOrganizations_onlyTheSubjectsRowsNewestFirst() {
    Subject admin = newAdmin();
    Subject other = newAdmin();
    activity(admin);
    activity(other);

    Page<AuditEntry> page = fx.engine.audit().list(admin, PageRequest.first(PageRequest.MAX_SIZE));

    assertThat(page.items()).hasSize((int) rows(admin)).allSatisfy(e -> assertThat(e.org()).isEqualTo(admin.org()));
    assertThat(page.items()).extracting(AuditEntry::id).isSortedAccordingTo((a, b) -> Long.compare(b, a));
    assertThat(page.items()).extracting(AuditEntry::hash).allSatisfy(h -> assertThat(h).hasSize(64));
    assertThat(fx.engine.audit().list(admin, PageRequest.first(3)).hasNext()).isTrue();
  }
}
