package io.stockage.core.fs;

import io.stockage.testkit.conformance.ProviderUnderTest;
import io.stockage.testkit.conformance.StorageProviderConformance;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The file-system provider against every conformance suite; its own tests are in {@link FileSystemProviderTest}. */
class FileSystemProviderConformanceTest extends StorageProviderConformance {
  @TempDir
  static Path dir;

  @Override
  protected ProviderUnderTest providerUnderTest() {
    return ProviderUnderTest.inProcess(() -> FileSystemProvider.create(dir.resolve("root")));
  }
}
