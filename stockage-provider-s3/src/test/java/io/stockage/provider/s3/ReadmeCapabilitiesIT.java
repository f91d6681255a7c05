package io.stockage.provider.s3;

import static org.assertj.core.api.Assertions.assertThat;

import io.stockage.core.fs.FileSystemProvider;
import io.stockage.core.memory.MemoryProvider;
import io.stockage.testkit.conformance.CapabilityTable;
import io.stockage.testkit.s3.S3MockFixture;
import io.stockage.testkit.s3.S3Servers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's capability table is what the providers declare: core's, and S3 on a versioned
 * bucket (S3Mock) and on a service without versioning (S3Proxy).
 */
class ReadmeCapabilitiesIT {
  private static final String START = "<!-- capabilities:start -->";
  private static final String END = "<!-- capabilities:end -->";

  @Test
  void readme_capabilitiesSection_equalsTheGeneratedTable(@TempDir Path dir) throws IOException {
    String table;
    try (FileSystemProvider fs = FileSystemProvider.create(dir); MemoryProvider memory = MemoryProvider.create();
         S3StorageProvider versioned = S3TestBase.provider(S3MockFixture.shared().freshVersionedBucket().orElseThrow(),
             b -> { });
         S3StorageProvider plain = S3TestBase.provider(S3Servers.s3Proxy().freshBucket(), b -> { })) {
      table = CapabilityTable.create()
          .with("fs", fs.capabilities())
          .with("memory", memory.capabilities())
          .with("s3 (versioned bucket)", versioned.capabilities())
          .with("s3 (no versioning)", plain.capabilities())
          .markdown();
    }
    String readme = Files.readString(readme());
    int start = readme.indexOf(START);
    int end = readme.indexOf(END);
    assertThat(start).as("%s in the README", START).isNotNegative();
    assertThat(end).as("%s after %s in the README", END, START).isGreaterThan(start);
    assertThat(readme.substring(start + START.length(), end).strip())
        .as("the README's capability table; the providers declare:%n%s", table)
        .isEqualTo(table.strip());
  }

  /** The repository's README, found from the module directory the tests run in. */
  private static Path readme() {
    for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
      if (Files.isRegularFile(d.resolve("README.md")) && Files.isDirectory(d.resolve("stockage-core"))) {
        return d.resolve("README.md");
      }
    }
    throw new AssertionError("no README.md above " + Path.of("").toAbsolutePath());
  }
}
