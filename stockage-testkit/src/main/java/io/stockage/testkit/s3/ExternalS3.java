package io.stockage.testkit.s3;

import java.net.URI;
import java.util.Optional;

/**
 * An S3 service the environment names, for running the S3 tests against AWS S3, MinIO or Ceph
 * instead of the fixtures: {@value #ENDPOINT_ENV} (required to enable it), {@value #BUCKET_ENV}
 * (required), {@value #ACCESS_KEY_ENV} and {@value #SECRET_KEY_ENV} (empty: the SDK's default
 * chain), {@value #REGION_ENV} (default {@code us-east-1}).
 *
 * <p>Tests share the one bucket: each test class works under a fresh random prefix, and cleans
 * what it wrote. Whether the bucket has versioning is the bucket's business; tests go by the
 * capabilities the provider declares.
 *
 * @param endpoint the service's URL
 * @param bucket the bucket the tests may write in
 * @param accessKey the access key id, or empty for the default chain
 * @param secretKey the secret access key, or empty for the default chain
 * @param region the signing region
 */
public record ExternalS3(URI endpoint, String bucket, String accessKey, String secretKey, String region)
    implements S3Server {
  /** The service's URL. */
  public static final String ENDPOINT_ENV = "STOCKAGE_TEST_S3_ENDPOINT";
  /** The bucket. */
  public static final String BUCKET_ENV = "STOCKAGE_TEST_S3_BUCKET";
  /** The access key id. */
  public static final String ACCESS_KEY_ENV = "STOCKAGE_TEST_S3_ACCESS_KEY";
  /** The secret access key. */
  public static final String SECRET_KEY_ENV = "STOCKAGE_TEST_S3_SECRET_KEY";
  /** The signing region. */
  public static final String REGION_ENV = "STOCKAGE_TEST_S3_REGION";

  /**
   * The service the environment names, when {@value #ENDPOINT_ENV} is set.
   *
   * @throws IllegalStateException when the endpoint is set without a bucket
   */
  public static Optional<ExternalS3> fromEnvironment() {
    String endpoint = env(ENDPOINT_ENV);
    if (endpoint.isEmpty()) {
      return Optional.empty();
    }
    String bucket = env(BUCKET_ENV);
    if (bucket.isEmpty()) {
      throw new IllegalStateException(ENDPOINT_ENV + " is set but " + BUCKET_ENV + " is not");
    }
    String region = env(REGION_ENV);
    return Optional.of(new ExternalS3(URI.create(endpoint), bucket, env(ACCESS_KEY_ENV), env(SECRET_KEY_ENV),
        region.isEmpty() ? "us-east-1" : region));
  }

  /** The configured bucket under a new random prefix. */
  @Override
  public S3Bucket freshBucket() {
    return new S3Bucket(endpoint, region, accessKey, secretKey, bucket, S3Names.prefix());
  }

  /** The configured bucket under a new random prefix, versioned or not as it is. */
  @Override
  public Optional<S3Bucket> freshVersionedBucket() {
    return Optional.of(freshBucket());
  }

  private static String env(String name) {
    String value = System.getenv(name);
    return value == null ? "" : value.trim();
  }

  /** Names the service and bucket; never the secret key. */
  @Override
  public String toString() {
    return "ExternalS3[" + endpoint + ", " + bucket + ", " + region + "]";
  }
}
