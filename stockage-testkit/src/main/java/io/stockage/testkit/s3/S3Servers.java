package io.stockage.testkit.s3;

import io.stockage.testkit.conformance.ServerControl;
import java.util.Optional;

/**
 * Picks the S3 service for a test: the {@link ExternalS3} the environment names when
 * {@value ExternalS3#ENDPOINT_ENV} is set, else a fixture the testkit runs.
 *
 * <pre>{@code
 * S3Server server = S3Servers.s3Mock();
 * S3Bucket bucket = server.freshBucket();
 * }</pre>
 */
public final class S3Servers {
  private S3Servers() {}

  /** The external service, or the JVM's shared {@link S3MockFixture}. */
  public static S3Server s3Mock() {
    return ExternalS3.fromEnvironment().<S3Server>map(s -> s).orElseGet(S3MockFixture::shared);
  }

  /** The external service, or the JVM's shared {@link S3ProxyFixture}. */
  public static S3Server s3Proxy() {
    return ExternalS3.fromEnvironment().<S3Server>map(s -> s).orElseGet(S3ProxyFixture::shared);
  }

  /** How to stop and start the server, when the testkit runs it; empty for an external one. */
  public static Optional<ServerControl> control(S3Server server) {
    return server instanceof ServerControl control ? Optional.of(control) : Optional.empty();
  }
}
