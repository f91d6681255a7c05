package io.stockage.provider.s3;

import io.stockage.ErrorKind;
import io.stockage.StockageException;
import io.stockage.spi.storage.ObjectKeys;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Configures and builds an {@link S3StorageProvider}; get one from {@link S3StorageProvider#builder()}.
 * Only {@link #bucket(String)} is required. Not thread-safe; the provider it builds is.
 */
public final class S3StorageProviderBuilder {
  /** The smallest part S3 accepts (but the last). */
  public static final long MIN_PART_SIZE = 5L << 20;
  /** The largest single PUT S3 accepts. */
  public static final long MAX_SINGLE_PUT = 5L << 30;
  // A part is buffered in one byte array.
  private static final long MAX_BUFFERED_PART = Integer.MAX_VALUE - 8;
  private static final String DEFAULT_REGION_WITH_ENDPOINT = "us-east-1";

  private String bucket;
  private String prefix = "";
  private URI endpoint;
  private String region;
  private boolean pathStyle;
  private S3Config.Keys keys;
  private long multipartThreshold = 16L << 20;
  private long partSize = 8L << 20;
  private Duration connectTimeout = Duration.ofSeconds(10);
  private Duration socketTimeout = Duration.ofSeconds(60);
  private boolean conditionalWrites = true;

  S3StorageProviderBuilder() {}

  /** The bucket holding the objects (required). */
  public S3StorageProviderBuilder bucket(String bucket) {
    this.bucket = Objects.requireNonNull(bucket, "bucket");
    return this;
  }

  /** A key prefix, so that several mounts share a bucket; a {@code /} is added when missing. */
  public S3StorageProviderBuilder prefix(String prefix) {
    this.prefix = Objects.requireNonNull(prefix, "prefix");
    return this;
  }

  /** The service's URL, for S3-compatible services (MinIO, Ceph RGW, S3Mock); AWS S3 by default. */
  public S3StorageProviderBuilder endpoint(URI endpoint) {
    this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    return this;
  }

  /**
   * The signing region; by default {@code us-east-1} with an {@link #endpoint(URI)}, else the
   * SDK's default region chain ({@code AWS_REGION}, profile).
   */
  public S3StorageProviderBuilder region(String region) {
    this.region = Objects.requireNonNull(region, "region");
    return this;
  }

  /** Puts the bucket in the path rather than the host name; most S3-compatible services need it. */
  public S3StorageProviderBuilder pathStyle(boolean pathStyle) {
    this.pathStyle = pathStyle;
    return this;
  }

  /** Static credentials; without them the SDK's default chain (environment, profile, role) is used. */
  public S3StorageProviderBuilder credentials(String accessKey, String secretKey) {
    this.keys = new S3Config.Keys(accessKey, secretKey);
    return this;
  }

  /** Writes of a known length up to this size are one streamed PUT; default 16 MiB. */
  public S3StorageProviderBuilder multipartThreshold(long bytes) {
    this.multipartThreshold = bytes;
    return this;
  }

  /** The part size of multipart writes, at least 5 MiB; one part is held in memory. Default 8 MiB. */
  public S3StorageProviderBuilder partSize(long bytes) {
    this.partSize = bytes;
    return this;
  }

  /** How long to wait for a connection; default 10 s. */
  public S3StorageProviderBuilder connectTimeout(Duration timeout) {
    this.connectTimeout = Objects.requireNonNull(timeout, "timeout");
    return this;
  }

  /** How long a connection may stay silent; default 60 s. */
  public S3StorageProviderBuilder socketTimeout(Duration timeout) {
    this.socketTimeout = Objects.requireNonNull(timeout, "timeout");
    return this;
  }

  /**
   * Whether the service honours conditional writes ({@code If-None-Match: *}, {@code If-Match});
   * default true, as AWS S3 does. Turn it off for a service that ignores them: the provider then
   * does not declare {@code WRITE_CONDITIONAL}.
   */
  public S3StorageProviderBuilder conditionalWrites(boolean enabled) {
    this.conditionalWrites = enabled;
    return this;
  }

  /** The configuration this builder holds, validated. */
  public S3Config config() {
    if (bucket == null || bucket.isBlank() || bucket.contains("/")) {
      throw invalid("bucket is required and may not contain '/': " + bucket);
    }
    if (partSize < MIN_PART_SIZE || partSize > MAX_BUFFERED_PART) {
      throw invalid("part size must be between 5 MiB and " + MAX_BUFFERED_PART + " bytes: " + partSize);
    }
    if (multipartThreshold < 0 || multipartThreshold > MAX_SINGLE_PUT) {
      throw invalid("multipart threshold must be between 0 and 5 GiB: " + multipartThreshold);
    }
    if (connectTimeout.isNegative() || connectTimeout.isZero() || socketTimeout.isNegative() || socketTimeout.isZero()) {
      throw invalid("timeouts must be positive");
    }
    if (keys != null && (keys.accessKey().isBlank() || keys.secretKey().isBlank())) {
      throw invalid("access key and secret key must both be given");
    }
    checkEndpoint();
    return new S3Config(bucket, normalizedPrefix(), Optional.ofNullable(endpoint), resolvedRegion(), pathStyle,
        Optional.ofNullable(keys), multipartThreshold, partSize, connectTimeout, socketTimeout, conditionalWrites);
  }

  /**
   * Builds the provider: creates the client and asks the bucket whether versioning is enabled,
   * which decides {@code NATIVE_VERSIONING}.
   *
   * @throws StockageException {@code CONFIG_INVALID} for a bad setting, a missing bucket or
   *     refused credentials; {@code UNAVAILABLE} when the service cannot be reached
   */
  public S3StorageProvider build() {
    return S3StorageProvider.open(config());
  }

  private String normalizedPrefix() {
    if (prefix.isEmpty()) {
      return prefix;
    }
    String withSlash = prefix.endsWith("/") ? prefix : prefix + "/";
    try {
      return ObjectKeys.checkPrefix(withSlash, 512);
    } catch (StockageException e) {
      throw invalid("invalid key prefix: " + e.detail());
    }
  }

  private void checkEndpoint() {
    if (endpoint == null) {
      return;
    }
    String scheme = endpoint.getScheme();
    if (!("http".equals(scheme) || "https".equals(scheme)) || endpoint.getHost() == null) {
      throw invalid("endpoint must be an http or https URL: " + endpoint);
    }
  }

  private String resolvedRegion() {
    if (region != null && !region.isBlank()) {
      return region;
    }
    if (endpoint != null) {
      return DEFAULT_REGION_WITH_ENDPOINT;
    }
    return io.stockage.provider.s3.internal.S3Clients.defaultRegion()
        .orElseThrow(() -> invalid("no region: set one, or AWS_REGION, or a profile region"));
  }

  private static StockageException invalid(String message) {
    return StockageException.of(ErrorKind.CONFIG_INVALID, "s3: " + message);
  }
}
