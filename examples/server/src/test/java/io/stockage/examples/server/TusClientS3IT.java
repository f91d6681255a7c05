package io.stockage.examples.server;

import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** tus-js-client against the sample server on the {@code s3} profile (S3Mock). */
@org.springframework.test.context.ActiveProfiles("s3")
class TusClientS3IT extends AbstractTusClientIT {
  private static final Path DATA_DIR = Path.of("target", "tusclients3it-" + java.util.UUID.randomUUID()).toAbsolutePath();

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) {
    registry.add("stockage.data-dir", DATA_DIR::toString);
  }

  @Override
  Path dataDir() {
    return DATA_DIR;
  }
}
