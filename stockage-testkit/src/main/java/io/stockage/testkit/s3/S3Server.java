package io.stockage.testkit.s3;

import java.net.URI;
import java.util.Optional;

/**
 * An S3 service tests can use: {@link S3MockFixture}, {@link S3ProxyFixture}, or
 * {@link ExternalS3} (a real S3, MinIO or Ceph named by the environment). Pick one with
 * {@link S3Servers}.
 */
public interface S3Server {

  /** The service's URL (path-style addressing). */
  URI endpoint();

  /** The signing region. */
  String region();

  /** The access key id. */
  String accessKey();

  /** The secret access key. */
  String secretKey();

  /**
   * A bucket with nothing in it, for one test class: a new bucket on a server the fixture runs,
   * a new random prefix in the configured bucket on an external service.
   */
  S3Bucket freshBucket();

  /**
   * Like {@link #freshBucket()} but with versioning enabled, when this server can have it:
   * S3Mock can, S3Proxy cannot (empty). On an external service it is the configured bucket,
   * versioned or not as it is: tests go by the provider's declared capabilities.
   */
  Optional<S3Bucket> freshVersionedBucket();
}
