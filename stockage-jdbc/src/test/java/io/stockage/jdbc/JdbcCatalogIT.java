package io.stockage.jdbc;

import static io.stockage.jdbc.TestData.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.stockage.ErrorKind;
import io.stockage.Item;
import io.stockage.OrgId;
import io.stockage.Project;
import io.stockage.ProjectId;
import io.stockage.StockageException;
import io.stockage.spi.catalog.CatalogSession;
import io.stockage.testkit.PostgresExtension;
import io.stockage.testkit.TestDatabase;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.ds.PGSimpleDataSource;

class JdbcCatalogIT {
  @RegisterExtension
  static final PostgresExtension POSTGRES = new PostgresExtension();

  private static JdbcCatalog catalog;

  @BeforeAll
  static void createCatalog() {
    catalog = JdbcCatalog.create(POSTGRES.database().dataSource());
  }

  @AfterAll
  static void closeCatalog() {
    catalog.close();
  }

  @Test
  void connect_closedPort_failsUnavailable() throws IOException {
    String url = "jdbc:postgresql://127.0.0.1:" + closedPort() + "/stockage";

    StockageException e = catchThrowableOfType(StockageException.class,
        () -> JdbcCatalog.connect(url, "stockage", "s3cret"));

    assertThat(e.kind()).isEqualTo(ErrorKind.UNAVAILABLE);
    assertThat(e.isRetryable()).isTrue();
    assertThat(e.getMessage()).doesNotContain("s3cret");
  }

  @Test
  void create_unreachableDataSource_failsUnavailable() throws IOException {
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setUrl("jdbc:postgresql://127.0.0.1:" + closedPort() + "/stockage");

    assertThatThrownBy(() -> JdbcCatalog.create(dataSource))
        .isInstanceOfSatisfying(StockageException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.UNAVAILABLE));
  }

  @Test
  void connect_reachableDatabase_worksAndShowsNoCredentials() {
    TestDatabase database = POSTGRES.database();
    String url = database.jdbcUrl() + "?password=" + database.password();
    try (JdbcCatalog own = JdbcCatalog.connect(url, database.user(), database.password())) {
      OrgId org = TestData.newOrg();
      own.inTransaction(s -> {
        s.projects().ensureOrganization(org, T0);
        return org;
      });
      assertThat(own.read((CatalogSession s) -> s.projects().find(ProjectId.random()))).isEmpty();
      assertThat(own.toString()).isEqualTo("JdbcCatalog[url=" + database.jdbcUrl() + ", user=" + database.user() + "]");
    }
  }

  @Test
  void connect_wrongDatabase_failsConfigInvalid() {
    TestDatabase database = POSTGRES.database();
    String url = database.jdbcUrl().replace(database.name(), database.name() + "_missing");

    assertThatThrownBy(() -> JdbcCatalog.connect(url, database.user(), database.password()))
        .isInstanceOfSatisfying(StockageException.class,
            e -> assertThat(e.kind()).isEqualTo(ErrorKind.CONFIG_INVALID));
  }

  @Test
  void inTransaction_workThrowsStockageException_passesItUnchangedAndRollsBack() {
    Project project = TestData.project(TestData.newOrg(), "rollback");
    StockageException thrown = StockageException.notFound("no such thing");

    StockageException caught = catchThrowableOfType(StockageException.class, () -> catalog.inTransaction(s -> {
      s.projects().ensureOrganization(project.org(), T0);
      s.projects().insert(project);
      throw thrown;
    }));

    assertThat(caught).isSameAs(thrown);
    assertThat(catalog.read((CatalogSession s) -> s.projects().find(project.id()))).isEmpty();
  }

  @Test
  void inTransaction_programmingError_passesUnchanged() {
    IllegalStateException thrown = new IllegalStateException("bug");

    assertThatThrownBy(() -> catalog.inTransaction(s -> {
      throw thrown;
    })).isSameAs(thrown);
  }

  @Test
  void read_write_failsUnexpected() {
    OrgId org = TestData.newOrg();

    assertThatThrownBy(() -> catalog.read(s -> {
      s.projects().ensureOrganization(org, T0);
      return org;
    })).isInstanceOfSatisfying(StockageException.class,
        e -> assertThat(e.kind()).isEqualTo(ErrorKind.UNEXPECTED));
  }

  @Test
  void read_concurrentCommit_seesOneSnapshot() {
    Project first = TestData.newProject(catalog, "snapshot");
    Project second = TestData.project(first.org(), "snapshot-2");

    boolean seenBefore = catalog.read(s -> {
      boolean before = s.projects().find(first.org(), "snapshot").isPresent();
      // Another connection commits a project while the read transaction is open.
      catalog.inTransaction(w -> {
        w.projects().insert(second);
        return second;
      });
      return before && s.projects().find(second.id()).isEmpty();
    });

    assertThat(seenBefore).isTrue();
    assertThat(catalog.read((CatalogSession s) -> s.projects().find(second.id()))).isPresent();
  }

  @Test
  void inTransaction_deadlock_failsConflict() {
    Project project = TestData.newProject(catalog, "deadlock");
    Item a = TestData.folder(project, Optional.empty(), "a");
    Item b = TestData.folder(project, Optional.empty(), "b");
    TestData.insert(catalog, a, b);
    CountDownLatch bothLocked = new CountDownLatch(2);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      // Each locks one row, then waits for the other's: PostgreSQL fails one of the two (40P01)
      // after deadlock_timeout (1 s).
      List<CompletableFuture<Object>> runs = List.of(
          CompletableFuture.supplyAsync(() -> lockBoth(a, b, bothLocked), threads),
          CompletableFuture.supplyAsync(() -> lockBoth(b, a, bothLocked), threads));

      List<Throwable> failures = runs.stream()
          .map(run -> run.orTimeout(30, TimeUnit.SECONDS).handle((result, failure) -> failure).join())
          .filter(Objects::nonNull)
          .map(failure -> failure instanceof CompletionException ? failure.getCause() : failure)
          .toList();

      assertThat(failures).singleElement().isInstanceOfSatisfying(StockageException.class,
          e -> assertThat(e.kind()).isEqualTo(ErrorKind.CONFLICT));
    } finally {
      threads.shutdownNow();
    }
  }

  private static Object lockBoth(Item first, Item second, CountDownLatch bothLocked) {
    return catalog.inTransaction(s -> {
      s.items().findForUpdate(first.id());
      bothLocked.countDown();
      await(bothLocked);
      return s.items().findForUpdate(second.id());
    });
  }

  private static void await(CountDownLatch latch) {
    try {
      assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
