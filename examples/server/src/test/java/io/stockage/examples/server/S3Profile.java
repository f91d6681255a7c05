package io.stockage.examples.server;

import io.stockage.Mount;
import io.stockage.provider.s3.S3StorageProvider;
import io.stockage.testkit.s3.S3Bucket;
import io.stockage.testkit.s3.S3MockFixture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * The tests' {@code s3} profile: the managed mount {@code main} lives on S3 — an S3Mock the testkit
 * starts (a host points the same provider at AWS S3, MinIO or Ceph with
 * {@code stockage.mounts.main.provider=s3} and its properties). Signed download URLs redirect to
 * presigned ones.
 */
@Configuration(proxyBeanMethods = false)
@Profile("s3")
class S3Profile {
  private static final Logger LOG = LoggerFactory.getLogger(S3Profile.class);

  /** The demo S3 server; stopped with the application. */
  @Bean(destroyMethod = "close")
  S3MockFixture demoS3() {
    S3MockFixture s3 = S3MockFixture.create();
    LOG.info("s3 profile: S3Mock at {}", s3.endpoint());
    return s3;
  }

  /** The managed mount on a bucket of the demo server (revisions are content-addressed: EMULATED). */
  @Bean
  Mount mainOnS3(S3MockFixture s3) {
    S3Bucket bucket = s3.freshBucket();
    S3StorageProvider provider = S3StorageProvider.builder().endpoint(bucket.endpoint()).pathStyle(true)
        .region(bucket.region()).credentials(bucket.accessKey(), bucket.secretKey())
        .bucket(bucket.name()).prefix(bucket.prefix()).build();
    return Mount.managed("main", provider);
  }
}
