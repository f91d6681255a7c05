package io.stockage.core;

import static io.stockage.core.EngineFixture.BOB;
import static org.assertj.core.api.Assertions.assertThat;

import io.stockage.ErrorKind;
import io.stockage.Item;
import io.stockage.NewContent;
import io.stockage.PageRequest;
import io.stockage.Project;
import io.stockage.Revision;
import io.stockage.StockageException;
import io.stockage.testkit.Samples;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real threads against PostgreSQL: writers queue on the item's row lock. */
class ConcurrentWritesIT {
  private static final int WRITERS = 16;

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

  private static List<Future<Item>> race(Item file, boolean expectFirst) throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Item>> results = new ArrayList<>();
    for (int i = 0; i < WRITERS; i++) {
      byte[] content = Samples.pdf("writer " + i + " " + expectFirst);
      Callable<Item> writer = () -> {
        go.await();
        NewContent next = NewContent.of(new ByteArrayInputStream(content));
        return fx.engine.files().write(BOB, file.id(), expectFirst ? next.ifRevision(1) : next);
      };
      results.add(pool.submit(writer));
    }
    go.countDown();
    pool.shutdown();
    return results;
  }

  @Test
  void write_16ConcurrentWriters_produce16ConsecutiveRevisions() throws Exception {
    Project project = fx.project();
    Item file = fx.upload(BOB, project, "plan.pdf", Samples.pdf("base"));
    List<Integer> revisions = new ArrayList<>();
    for (Future<Item> result : race(file, false)) {
      revisions.add(result.get().revision());
    }
    assertThat(revisions).containsExactlyInAnyOrderElementsOf(
        java.util.stream.IntStream.rangeClosed(2, WRITERS + 1).boxed().toList());
    List<Revision> history = fx.engine.revisions().list(BOB, file.id(), PageRequest.first(100)).items();
    assertThat(history).hasSize(WRITERS + 1);
    assertThat(history).extracting(Revision::sha256).doesNotHaveDuplicates();
  }

  @Test
  void write_16WritersExpectingRevision1_exactlyOneWins() throws Exception {
    Project project = fx.project();
    Item file = fx.upload(BOB, project, "plan.pdf", Samples.pdf("base"));
    int won = 0;
    int conflicts = 0;
    for (Future<Item> result : race(file, true)) {
      try {
        assertThat(result.get().revision()).isEqualTo(2);
        won++;
      } catch (java.util.concurrent.ExecutionException e) {
        assertThat(e.getCause()).isInstanceOfSatisfying(StockageException.class,
            s -> assertThat(s.kind()).isEqualTo(ErrorKind.CONFLICT));
        conflicts++;
      }
    }
    assertThat(won).isEqualTo(1);
    assertThat(conflicts).isEqualTo(WRITERS - 1);
    assertThat(fx.objects("staging/")).isZero();
  }
}
