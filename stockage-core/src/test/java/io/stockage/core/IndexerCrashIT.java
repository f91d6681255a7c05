package io.stockage.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.stockage.Item;
import io.stockage.Mount;
import io.stockage.NewProject;
import io.stockage.OrgPermission;
import io.stockage.Subject;
import io.stockage.Upload;
import io.stockage.core.fs.FileSystemProvider;
import io.stockage.jdbc.JdbcCatalog;
import io.stockage.testkit.PostgresFixture;
import io.stockage.testkit.Samples;
import io.stockage.testkit.TestDatabase;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of an indexing node in the middle of its work: the jobs it held are leased
 * again once their lease runs out and done by another node; none is lost, every item ends with
 * the document of its current revision, and the queue ends empty.
 */
class IndexerCrashIT {
  private static final int FILES = 150;
  private static final Subject ALICE = Subject.of("acme", "alice", OrgPermission.CREATE_PROJECT);

  @TempDir
  Path root;

  @Test
  void killedNode_itsLeasedJobsAreDoneByAnotherAfterTheLease() throws Exception {
    try (TestDatabase db = PostgresFixture.create()) {
      Path storage = Files.createDirectories(root.resolve("storage"));
      StockageEngine engine = StockageEngine.builder()
          .catalog(JdbcCatalog.create(db.dataSource()))
          .mount(Mount.managed("main", FileSystemProvider.create(storage)))
          .indexing(false, Duration.ofSeconds(1), Duration.ofMinutes(5))
          .build();
      try (engine) {
        engine.projects().create(ALICE, NewProject.of("crash", "Crash"));
        for (int i = 0; i < FILES; i++) {
          engine.files().upload(ALICE, Upload.of("crash", "doc-" + i + ".pdf",
              new ByteArrayInputStream(Samples.pdf("crash test document " + i))));
        }
        assertThat(count(db, "SELECT count(*) FROM index_jobs")).isEqualTo(FILES);

        Path log = root.resolve("node.log");
        Process node = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp", System.getProperty("java.class.path"), IndexerNode.class.getName(),
            db.jdbcUrl(), db.user(), db.password(), storage.toString())
            .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long inFlight = 0;
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        try {
          // Kill it while it holds leases, once it has done some of the work but not all.
          while (System.nanoTime() < deadline) {
            long left = count(db, "SELECT count(*) FROM index_jobs");
            inFlight = count(db, "SELECT count(*) FROM index_jobs WHERE leased_by IS NOT NULL");
            if (left < FILES - 10 && inFlight > 0) {
              break;
            }
            Thread.sleep(5);
          }
        } finally {
          node.destroyForcibly(); // SIGKILL: no shutdown hook, no rollback but the server's
          node.waitFor();
        }
        assertThat(inFlight).as("jobs leased by the node when it was killed (log: %s)", Files.readString(log))
            .isPositive();
        long orphaned = count(db, "SELECT count(*) FROM index_jobs WHERE leased_by IS NOT NULL");

        // This node's worker takes the orphaned jobs once their two-second lease runs out.
        long start = System.nanoTime();
        while (count(db, "SELECT count(*) FROM index_jobs") > 0 && System.nanoTime() - start < 30_000_000_000L) {
          engine.indexer().runOnce();
          Thread.sleep(50);
        }

        assertThat(count(db, "SELECT count(*) FROM index_jobs")).as("every job done (%d were orphaned)", orphaned)
            .isZero();
        assertThat(count(db, "SELECT count(*) FROM search_documents d JOIN items i ON i.id = d.item_id"
            + " WHERE i.type = 'FILE' AND d.revision = i.revision AND d.body LIKE 'crash test document%'"))
            .as("every file has the document of its current revision").isEqualTo(FILES);
        List<Item> found = engine.search().search(ALICE, io.stockage.SearchQuery.of("document"),
            io.stockage.PageRequest.first(1000)).page().items().stream().map(io.stockage.SearchHit::item).toList();
        assertThat(found).hasSize(FILES);
      }
    }
  }

  private static long count(TestDatabase db, String sql) throws SQLException {
    try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
