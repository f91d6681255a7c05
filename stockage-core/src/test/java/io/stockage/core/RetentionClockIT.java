package io.stockage.core;

import static io.stockage.core.EngineFixture.BOB;
import static org.assertj.core.api.Assertions.assertThat;

import io.stockage.Item;
import io.stockage.NewContent;
import io.stockage.PageRequest;
import io.stockage.Project;
import io.stockage.RetentionPolicy;
import io.stockage.Revision;
import io.stockage.testkit.Samples;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Retention by age, on the engine's injected clock: no sleeping, deterministic. */
class RetentionClockIT {
  private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
  private final InstantSource clock = now::get;

  @TempDir
  Path root;

  @Test
  void retention_maxAge_prunesOlderRevisionsButNeverTheCurrentOne() {
    try (EngineFixture fx = EngineFixture.start(root, c -> c,
        b -> b.clock(clock).retention("main", RetentionPolicy.maxAge(Duration.ofDays(7))))) {
      Project project = fx.project();
      Item file = fx.upload(BOB, project, "plan.pdf", Samples.pdf("day 0"));
      for (int day : new int[] {1, 20, 25}) {
        now.set(Instant.parse("2026-01-01T00:00:00Z").plus(Duration.ofDays(day)));
        fx.engine.files().write(BOB, file.id(), NewContent.of(new ByteArrayInputStream(Samples.pdf("day " + day))));
      }
      now.set(Instant.parse("2026-01-01T00:00:00Z").plus(Duration.ofDays(26)));
      assertThat(fx.engine.maintenance().applyRetention()).isEqualTo(2);
      assertThat(fx.engine.revisions().list(BOB, file.id(), PageRequest.first(10)).items())
          .extracting(Revision::number).containsExactly(4, 3);

      now.set(Instant.parse("2026-01-01T00:00:00Z").plus(Duration.ofDays(100)));
      fx.engine.maintenance().applyRetention();
      assertThat(fx.engine.revisions().list(BOB, file.id(), PageRequest.first(10)).items())
          .extracting(Revision::number).as("the current revision stays, however old").containsExactly(4);
    }
  }
}
