package io.stockage.provider.s3;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The validated configuration of an {@link S3StorageProvider}, as {@link S3StorageProviderBuilder}
 * builds it. Its {@link #toString()} never shows the credentials.
 *
 * @param bucket the bucket holding the objects
 * @param prefix prepended to every key, empty or ending with {@code /}
 * @param endpoint the service's URL when not AWS S3 (MinIO, Ceph, S3Mock...)
 * @param region the signing region
 * @param pathStyle whether the bucket goes in the path ({@code host/bucket/key}) rather than the host
 * @param keys static credentials; empty for the SDK's default chain (environment, profile, role)
 * @param multipartThreshold writes of a known length up to this size are one streamed PUT
 * @param partSize the size of each part of a multipart write, buffered one at a time
 * @param connectTimeout how long to wait for a connection
 * @param socketTimeout how long a connection may stay silent
 * @param conditionalWrites whether the service honours {@code If-None-Match}/{@code If-Match} on
 *     writes; some S3-compatible services ignore them, and then the capability must not be declared
 */
public record S3Config(
    String bucket,
    String prefix,
    Optional<URI> endpoint,
    String region,
    boolean pathStyle,
    Optional<Keys> keys,
    long multipartThreshold,
    long partSize,
    Duration connectTimeout,
    Duration socketTimeout,
    boolean conditionalWrites) {

  /** Checks that nothing is missing; ranges are checked by the builder. */
  public S3Config {
    Objects.requireNonNull(bucket, "bucket");
    Objects.requireNonNull(prefix, "prefix");
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(keys, "keys");
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(socketTimeout, "socketTimeout");
  }

  /**
   * Static credentials.
   *
   * @param accessKey the access key id
   * @param secretKey the secret access key
   */
  public record Keys(String accessKey, String secretKey) {
    /** Checks that both are given. */
    public Keys {
      Objects.requireNonNull(accessKey, "accessKey");
      Objects.requireNonNull(secretKey, "secretKey");
    }

    /** Shows neither key: both stay out of logs. */
    @Override
    public String toString() {
      return "Keys[static, redacted]";
    }
  }
}
