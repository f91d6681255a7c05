package io.stockage.examples.server;

import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** tus-js-client against the sample server on the local disk (embedded defaults). */
class TusClientDiskIT extends AbstractTusClientIT {
  private static final Path DATA_DIR = Path.of("target", "tusclientdiskit-" + java.util.UUID.randomUUID()).toAbsolutePath();

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) {
    registry.add("stockage.data-dir", DATA_DIR::toString);
  }

  @Override
  Path dataDir() {
    return DATA_DIR;
  }
}
