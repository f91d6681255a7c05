package io.stockage.provider.s3;

import io.stockage.spi.storage.StorageProvider;
import io.stockage.testkit.conformance.ProviderUnderTest;
import io.stockage.testkit.s3.S3Bucket;
import io.stockage.testkit.s3.S3Server;
import io.stockage.testkit.s3.S3Servers;
import java.util.function.Supplier;

/** How the conformance suites get an S3 provider: default settings on a fresh bucket. */
final class S3Conformance {
  private S3Conformance() {}

  /** A provider on a fresh bucket without versioning, with the server's control when it has one. */
  static ProviderUnderTest on(S3Server server) {
    return with(server, server.freshBucket());
  }

  /** A provider on a fresh versioned bucket, or a plain one where the server has no versioning. */
  static ProviderUnderTest versionedOn(S3Server server) {
    return with(server, server.freshVersionedBucket().orElseGet(server::freshBucket));
  }

  private static ProviderUnderTest with(S3Server server, S3Bucket bucket) {
    Supplier<StorageProvider> factory = () -> S3TestBase.provider(bucket, b -> { });
    // An external service cannot be stopped: its run skips only the UNAVAILABLE check, and says so.
    return S3Servers.control(server).map(control -> ProviderUnderTest.withServer(factory, control))
        .orElseGet(() -> ProviderUnderTest.inProcess(factory));
  }
}
