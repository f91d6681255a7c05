package io.stockage.provider.s3.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.stockage.spi.storage.ObjectInfo;
import io.stockage.spi.storage.WriteOptions;
import io.stockage.testkit.s3.S3Bucket;
import io.stockage.testkit.s3.S3Servers;
import java.io.ByteArrayInputStream;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A copy whose source exceeds what {@code CopyObject} accepts (5 GiB; 1 MiB here) streams
 * through the client in parts instead.
 */
class S3CopyFallbackIT {
  @Test
  void copy_sourceOverTheCopyLimit_streamsThroughTheClient() throws Exception {
    S3Bucket target = S3Servers.s3Mock().freshBucket();
    try (S3Client client = S3Client.builder().endpointOverride(target.endpoint()).forcePathStyle(true)
        .region(Region.of(target.region())).credentialsProvider(StaticCredentialsProvider.create(
            AwsBasicCredentials.create(target.accessKey(), target.secretKey()))).build()) {
      Bucket bucket = new Bucket(client, target.name(), target.prefix(), false);
      S3Reader reader = new S3Reader(bucket);
      S3Writer writer = new S3Writer(bucket, reader, 5L << 20, 5L << 20, 1L << 20);
      byte[] data = new byte[(6 << 20) + 17];
      new Random(3).nextBytes(data);
      writer.write("big", new ByteArrayInputStream(data), WriteOptions.defaults().withLength(data.length));

      ObjectInfo copied = writer.copy("big", "copy");

      assertThat(copied.size()).isEqualTo(data.length);
      // Streamed in two 5 MiB parts: a multipart ETag, where CopyObject would have kept the source's.
      assertThat(copied.etag()).hasValueSatisfying(etag -> assertThat(etag).endsWith("-2\""));
      try (var content = reader.read("copy", Optional.empty(), Optional.empty())) {
        assertThat(content.stream().readAllBytes()).isEqualTo(data);
      }
    }
  }
}
