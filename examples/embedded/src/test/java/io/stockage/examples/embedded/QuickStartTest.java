package io.stockage.examples.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import io.stockage.Item;
import io.stockage.testkit.PostgresFixture;
import io.stockage.testkit.Samples;
import io.stockage.testkit.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the README's quick start, and checks the README shows exactly the code that ran. */
class QuickStartTest {
  @TempDir
  Path dir;

  @Test
  void quickStart_uploadsAndReadsBack() throws Exception {
    Path pdf = Files.write(dir.resolve("plan.pdf"), Samples.pdf("Quick start"));
    try (TestDatabase db = PostgresFixture.create()) {
      Item item = QuickStart.run(db.jdbcUrl(), db.user(), db.password(), dir.resolve("storage"), pdf);
      assertThat(item.mimeType()).isEqualTo("application/pdf");
      assertThat(item.size()).isEqualTo(Files.size(pdf));
    }
  }

  @Test
  void readme_showsTheQuickStartRegion() throws Exception {
    String source = Files.readString(Path.of("src/main/java/io/stockage/examples/embedded/QuickStart.java"));
    String region = source.substring(source.indexOf("// region quickstart\n") + "// region quickstart\n".length(),
        source.indexOf("    // endregion quickstart"));
    String dedented = Arrays.stream(region.split("\n"))
        .map(line -> line.length() >= 4 ? line.substring(4) : line.strip())
        .collect(Collectors.joining("\n", "", "\n"));
    String readme = Files.readString(Path.of("../../README.md"));
    assertThat(readme).contains("```java\n" + dedented + "```");
  }
}
