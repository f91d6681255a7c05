package io.stockage.testkit.s3;

import java.net.URI;
import java.util.Objects;

/**
 * Where a test keeps its objects: a bucket and a key prefix on an S3 service, with what a client
 * needs to reach it. Its {@link #toString()} leaves the secret key out.
 *
 * @param endpoint the service's URL (path-style addressing)
 * @param region the signing region
 * @param accessKey the access key id
 * @param secretKey the secret access key
 * @param name the bucket
 * @param prefix the key prefix to use: empty for a bucket of the test's own, a random
 *     {@code stockage-test-<hex>/} in a shared bucket
 */
public record S3Bucket(URI endpoint, String region, String accessKey, String secretKey, String name, String prefix) {
  /** Validates. */
  public S3Bucket {
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(accessKey, "accessKey");
    Objects.requireNonNull(secretKey, "secretKey");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(prefix, "prefix");
  }

  /** Names the service, bucket and prefix; never the secret key. */
  @Override
  public String toString() {
    return "S3Bucket[" + endpoint + ", " + name + (prefix.isEmpty() ? "" : ", prefix=" + prefix) + "]";
  }
}
