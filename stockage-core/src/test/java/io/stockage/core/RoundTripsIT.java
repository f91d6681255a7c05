package io.stockage.core;

import static io.stockage.core.EngineFixture.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

import io.stockage.Content;
import io.stockage.Item;
import io.stockage.Mount;
import io.stockage.NewProject;
import io.stockage.Upload;
import io.stockage.core.fs.FileSystemProvider;
import io.stockage.jdbc.JdbcCatalog;
import io.stockage.testkit.PostgresFixture;
import io.stockage.testkit.Samples;
import io.stockage.testkit.TestDatabase;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the pipeline's hot paths send PostgreSQL, counted at the driver's socket
 * ({@link RoundTripCounter}): each round trip costs a small upload or download a few tenths of a
 * millisecond of wall time on these machines, most of its time (docs/architecture.md, "Round
 * trips"). Each count is the least of three runs: the pool may check a connection it lends.
 */
class RoundTripsIT {
  @TempDir
  static Path root;
  static TestDatabase db;
  static StockageEngine engine;

  @BeforeAll
  static void start() {
    db = PostgresFixture.create();
    engine = StockageEngine.builder()
        .catalog(JdbcCatalog.connect(RoundTripCounter.url(db.jdbcUrl()), db.user(), db.password()))
        .mount(Mount.managed("main", FileSystemProvider.create(root)))
        .build();
    engine.projects().create(ALICE, NewProject.of("trips", "Round trips"));
  }

  @AfterAll
  static void stop() {
    engine.close();
    db.close();
  }

  @Test
  void uploadOfANewSmallFile_isSevenRoundTrips() {
    int trips = IntStream.range(0, 3)
        .map(n -> RoundTripCounter.count(() -> upload("new-" + n + ".pdf", "new " + n)))
        .min().orElseThrow();
    // The plan (the project with the subject's rows and limits, the name), the intent, then the
    // transaction: the project again, the blob, the item with its revision, and the change with its
    // index job and audit row sent with the COMMIT.
    assertThat(trips).isEqualTo(7);
  }

  @Test
  void download_isTwoRoundTrips() {
    Item item = upload("read.pdf", "read");
    int trips = IntStream.range(0, 3).map(n -> RoundTripCounter.count(() -> {
      try (Content content = engine.files().open(ALICE, item.id())) {
        return content.stream().readAllBytes().length;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    })).min().orElseThrow();
    // The item with its project, the subject's rows, the entries and the current revision; the
    // audit row.
    assertThat(trips).isEqualTo(2);
  }

  private static Item upload(String name, String text) {
    byte[] data = Samples.pdf(text);
    return engine.files().upload(ALICE, Upload.of("trips", name, new ByteArrayInputStream(data))
        .withDeclaredSize(data.length));
  }
}
