package io.stockage.core;

import static io.stockage.core.EngineFixture.ALICE;
import static io.stockage.core.EngineFixture.BOB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stockage.Content;
import io.stockage.EntryUpload;
import io.stockage.ErrorKind;
import io.stockage.Item;
import io.stockage.Mount;
import io.stockage.MountRole;
import io.stockage.NewProject;
import io.stockage.OrgId;
import io.stockage.OrgPermission;
import io.stockage.Project;
import io.stockage.StockageException;
import io.stockage.Subject;
import io.stockage.Upload;
import io.stockage.core.fs.FileSystemProvider;
import io.stockage.spi.catalog.AuditRecord;
import io.stockage.spi.catalog.AuditRecords;
import io.stockage.spi.catalog.Catalog;
import io.stockage.spi.catalog.CatalogSession;
import io.stockage.spi.storage.StorageProvider;
import io.stockage.testkit.Samples;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiPredicate;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Failure paths: a bug or a library's exception is {@code UNEXPECTED} with context and a FAILED
 * audit row; a failure after the commit is not the operation's outcome; one failing mount does not
 * stop the reconciler's pass over the others; a live download whose audit fails leaves no stream
 * open; a control character in a live path is refused before anything is audited; an upload onto
 * a name an invisible item holds does not name that item.
 */
class FailurePathsIT {
  private static final Subject ROOT = Subject.of("acme", "root", OrgPermission.ADMIN);

  @TempDir
  static Path dir;
  static EngineFixture fx;
  /** Which provider calls of mount "faulty" (where projects go) fail. */
  static volatile BiPredicate<String, Object[]> failing = (method, args) -> false;
  /** Whether an audit row fails to be written. */
  static volatile Predicate<AuditRecord> auditFails = r -> false;
  static final Set<InputStream> open = ConcurrentHashMap.newKeySet();

  @BeforeAll
  static void start() throws IOException {
    Path share = Files.createDirectories(dir.resolve("share"));
    Files.writeString(share.resolve("plan.pdf"), "%PDF-1.4 live");
    StorageProvider broken = failingProvider(FileSystemProvider.create(dir.resolve("broken")), (m, a) -> true);
    fx = EngineFixture.start(dir.resolve("managed"), FailurePathsIT::failingAudits, b -> b
        .mount(Mount.managed("faulty", failingProvider(FileSystemProvider.create(dir.resolve("faulty")),
            (m, a) -> failing.test(m, a))))
        .defaultMount("faulty")
        .mount(Mount.managed("broken", broken))
        .mount(Mount.live("share", trackingStreams(FileSystemProvider.create(share, false)), OrgId.of("acme"))));
    fx.engine.live().grant(ROOT, "share", BOB.user(), MountRole.VIEWER);
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  private static long failed(String action) {
    return fx.count("SELECT count(*) FROM audit_log WHERE action = ? AND outcome = 'FAILED' "
        + "AND details->>'kind' = 'UNEXPECTED'", action);
  }

  @Test
  void providerThrowingARuntimeException_isUnexpectedWithContextAndAudited() {
    Project project = fx.project();
    long before = failed("upload");
    failing = (method, args) -> method.equals("write");
    try {
      assertThatThrownBy(() -> fx.upload(BOB, project, "boom.pdf", Samples.pdf("boom")))
          .isInstanceOfSatisfying(StockageException.class, e -> {
            assertThat(e.kind()).isEqualTo(ErrorKind.UNEXPECTED);
            assertThat(e.operation()).contains("upload");
            assertThat(e.getCause()).isInstanceOf(IllegalStateException.class);
          });
    } finally {
      failing = (method, args) -> false;
    }
    assertThat(failed("upload")).isEqualTo(before + 1);
  }

  @Test
  void stagingCleanUpFailingAfterTheCommit_isNotTheUploadsOutcome() {
    Project project = fx.project();
    byte[] pdf = Samples.pdf("same bytes twice");
    fx.upload(BOB, project, "first.pdf", pdf);
    // The second upload is deduplicated: its staging object is deleted after the commit, and that fails.
    failing = (method, args) -> method.startsWith("delete") && String.valueOf(args[0]).startsWith("staging");
    Item second;
    try {
      second = fx.upload(BOB, project, "second.pdf", pdf);
    } finally {
      failing = (method, args) -> false;
    }
    assertThat(fx.engine.files().stat(BOB, second.id()).name()).isEqualTo("second.pdf");
  }

  @Test
  void reconciler_oneMountFailing_stillSweepsTheOthers() throws IOException {
    Path staging = dir.resolve("faulty").resolve("staging");
    Files.createDirectories(staging);
    Files.writeString(staging.resolve("left-behind"), "leftover");
    io.stockage.ReconcileReport report = fx.engine.maintenance().reconcile();
    assertThat(report.failedMounts()).containsExactly("broken");
    assertThat(staging.resolve("left-behind")).doesNotExist();
  }

  @Test
  void liveDownloadWhoseAuditFails_closesTheBackendStream() {
    auditFails = r -> r.action().equals("download") && r.target().startsWith("share:");
    try {
      assertThatThrownBy(() -> fx.engine.live().open(BOB, "share", "plan.pdf"))
          .isInstanceOf(StockageException.class);
    } finally {
      auditFails = r -> false;
    }
    assertThat(open).isEmpty();
    try (var content = fx.engine.live().open(BOB, "share", "plan.pdf")) {
      assertThat(open).hasSize(1);
    }
    assertThat(open).isEmpty();
  }

  @Test
  void controlCharacterInALivePath_isInvalidArgumentAndNotAudited() {
    long rows = fx.count("SELECT count(*) FROM audit_log");
    for (String path : new String[] {"a\u0000b.pdf", "dir/\u0007.pdf", "x\n.pdf", "del\u007f"}) {
      assertKind(() -> fx.engine.live().entry(BOB, "share", path), ErrorKind.INVALID_ARGUMENT);
      assertKind(() -> fx.engine.live().put(BOB, new EntryUpload("share", path, new ByteArrayInputStream(Samples.pdf("x")), java.util.OptionalLong.empty())), ErrorKind.INVALID_ARGUMENT);
      assertKind(() -> fx.engine.live().delete(BOB, "share", path), ErrorKind.INVALID_ARGUMENT);
      assertKind(() -> fx.engine.live().move(BOB, "share", "plan.pdf", path), ErrorKind.INVALID_ARGUMENT);
    }
    assertThat(fx.count("SELECT count(*) FROM audit_log")).isEqualTo(rows);
  }

  @Test
  void uploadOntoANameAnInvisibleItemHolds_isAlreadyExistsWithoutItsId() {
    String slug = "hidden-" + java.util.UUID.randomUUID().toString().substring(0, 8);
    fx.engine.projects().create(ALICE, NewProject.of(slug, "Hidden"));
    Item vault = fx.engine.files().upload(ALICE, Upload.of(slug, "taken.pdf", new ByteArrayInputStream(Samples.pdf("v")))
        .asVault());
    // dave may view and add regular files organization-wide, but sees no vault file.
    Subject dave = Subject.of("acme", "dave", OrgPermission.VIEW, OrgPermission.ADD);
    assertThatThrownBy(() -> fx.engine.files().upload(dave, Upload.of(slug, "taken.pdf",
        new ByteArrayInputStream(Samples.pdf("mine"))).asVault()))
        .isInstanceOfSatisfying(StockageException.class, e -> {
          assertThat(e.kind()).isEqualTo(ErrorKind.ALREADY_EXISTS);
          assertThat(e.getMessage()).doesNotContain(vault.id().toString());
        });
  }

  @Test
  void contentClose_failing_isAStockageException() {
    Item item = fx.upload(BOB, fx.project(), "close.pdf", Samples.pdf("close"));
    Content content = new Content(item, io.stockage.ByteRange.Slice.whole(item.size()), new FilterInputStream(
        InputStream.nullInputStream()) {
      @Override
      public void close() throws IOException {
        throw new IOException("disk gone");
      }
    });
    assertThatThrownBy(content::close).isInstanceOfSatisfying(StockageException.class,
        e -> assertThat(e.kind()).isEqualTo(ErrorKind.UNAVAILABLE));
  }

  @Test
  void missingMountOrRevision_isNotFoundWherever_itIsNamed() {
    assertKind(() -> fx.engine.projects().create(ALICE, NewProject.of("on-nothing", "Nowhere").onMount("nope")),
        ErrorKind.NOT_FOUND);
    assertKind(() -> fx.engine.live().list(ROOT, "nope", "", io.stockage.PageRequest.first(10)), ErrorKind.NOT_FOUND);
    Item item = fx.upload(BOB, fx.project(), "one-revision.pdf", Samples.pdf("one"));
    assertKind(() -> fx.engine.revisions().open(BOB, item.id(), 2), ErrorKind.NOT_FOUND);
    assertKind(() -> fx.engine.revisions().diff(BOB, item.id(), 1, 2), ErrorKind.NOT_FOUND);
  }

  private static void assertKind(org.junit.jupiter.api.function.Executable call, ErrorKind kind) {
    assertThatThrownBy(call::execute).isInstanceOfSatisfying(StockageException.class,
        e -> assertThat(e.kind()).isEqualTo(kind));
  }

  /** The provider, with the calls {@code fails} names throwing an IllegalStateException (a bug's). */
  private static StorageProvider failingProvider(StorageProvider real, BiPredicate<String, Object[]> fails) {
    return (StorageProvider) Proxy.newProxyInstance(StorageProvider.class.getClassLoader(),
        new Class<?>[] {StorageProvider.class}, (proxy, method, args) -> {
          Object[] given = args == null ? new Object[0] : args;
          if (!method.getName().equals("close") && !method.getName().equals("capabilities")
              && !method.getName().equals("scheme") && fails.test(method.getName(), given)) {
            throw new IllegalStateException("injected: " + method.getName());
          }
          return invoke(real, method, args);
        });
  }

  /** The provider, with every read stream it hands out tracked until closed. */
  private static StorageProvider trackingStreams(StorageProvider real) {
    return (StorageProvider) Proxy.newProxyInstance(StorageProvider.class.getClassLoader(),
        new Class<?>[] {StorageProvider.class}, (proxy, method, args) -> {
          Object result = invoke(real, method, args);
          if (method.getName().equals("read") && result instanceof io.stockage.spi.storage.ObjectContent content) {
            InputStream tracked = new FilterInputStream(content.stream()) {
              @Override
              public void close() throws IOException {
                open.remove(this);
                super.close();
              }
            };
            open.add(tracked);
            return new io.stockage.spi.storage.ObjectContent(content.info(), content.slice(), tracked);
          }
          return result;
        });
  }

  /** The catalog, with the audit rows {@link #auditFails} names failing to be written. */
  private static Catalog failingAudits(Catalog real) {
    return (Catalog) Proxy.newProxyInstance(Catalog.class.getClassLoader(), new Class<?>[] {Catalog.class},
        (proxy, method, args) -> {
          if (args != null && args.length == 1 && args[0] instanceof java.util.function.Function<?, ?> work) {
            @SuppressWarnings("unchecked")
            java.util.function.Function<CatalogSession, Object> f = (java.util.function.Function<CatalogSession, Object>) work;
            java.util.function.Function<CatalogSession, Object> wrapped = session -> f.apply(session(session));
            return invoke(real, method, new Object[] {wrapped});
          }
          return invoke(real, method, args);
        });
  }

  private static CatalogSession session(CatalogSession real) {
    return (CatalogSession) Proxy.newProxyInstance(CatalogSession.class.getClassLoader(),
        new Class<?>[] {CatalogSession.class}, (proxy, method, args) -> {
          Object result = invoke(real, method, args);
          if (method.getName().equals("audit")) {
            AuditRecords audit = (AuditRecords) result;
            return Proxy.newProxyInstance(AuditRecords.class.getClassLoader(), new Class<?>[] {AuditRecords.class},
                (p, m, a) -> {
                  if (m.getName().equals("append") && auditFails.test((AuditRecord) a[0])) {
                    throw StockageException.of(ErrorKind.UNAVAILABLE, "injected: the audit log is down");
                  }
                  return invoke(audit, m, a);
                });
          }
          return result;
        });
  }

  private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
