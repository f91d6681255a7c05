package io.stockage.provider.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.stockage.ErrorKind;
import io.stockage.StockageException;
import io.stockage.spi.storage.WriteOptions;
import io.stockage.testkit.Samples;
import io.stockage.testkit.s3.ExternalS3;
import io.stockage.testkit.s3.S3Bucket;
import io.stockage.testkit.s3.S3MockFixture;
import io.stockage.testkit.StopAfter;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.MultipartUpload;

/**
 * S3Mock killed in the middle of a write: the write fails with {@code UNAVAILABLE}; the provider
 * could not abort its multipart upload (the server was down), so once S3Mock is back the upload
 * is still open, until the later pass the reconciler runs, {@code abortIncompleteUploads},
 * removes it.
 */
class S3OutageIT {
  private static final int PART = S3TestBase.PART;

  private S3MockFixture s3;
  private S3Bucket bucket;
  private S3StorageProvider provider;
  private S3Client raw;

  @BeforeEach
  void open() {
    assumeTrue(ExternalS3.fromEnvironment().isEmpty(), "an external service cannot be stopped by the tests");
    s3 = S3MockFixture.shared();
    bucket = s3.freshBucket();
    // Short timeouts: a refused connection fails at once, but the SDK retries it twice.
    provider = S3TestBase.provider(bucket, b -> b.partSize(PART).multipartThreshold(PART)
        .connectTimeout(Duration.ofSeconds(2)).socketTimeout(Duration.ofSeconds(10)));
    raw = S3TestBase.rawClient(bucket);
  }

  @AfterEach
  void close() {
    if (s3 != null) {
      s3.start();
      provider.close();
      raw.close();
    }
  }

  @Test
  void write_serverKilledBetweenParts_isUnavailableAndTheUploadIsCleanedByTheLaterPass() {
    InputStream source = new StopAfter(Samples.largePdf(8L * PART, 1), 2L * PART + 100, s3::stop);

    StockageException e = S3TestBase.assertKind(ErrorKind.UNAVAILABLE,
        () -> provider.write("outage/big.pdf", source, WriteOptions.defaults()));
    assertThat(e.isRetryable()).isTrue();

    s3.start();
    List<MultipartUpload> open = openUploads();
    assertThat(open).as("the upload the provider could not abort while S3Mock was down")
        .extracting(MultipartUpload::key).containsExactly("outage/big.pdf");
    assertThat(provider.abortIncompleteUploads(Instant.now().minus(Duration.ofHours(1))))
        .as("uploads begun an hour ago or earlier").isZero();
    assertThat(provider.abortIncompleteUploads(Instant.now().plusSeconds(1))).isEqualTo(1);
    assertThat(openUploads()).isEmpty();
    S3TestBase.assertKind(ErrorKind.NOT_FOUND, () -> provider.stat("outage/big.pdf"));
  }

  @Test
  void write_serverKilledWhileAPutStreams_isUnavailableAndLeavesNothing() {
    long size = PART - 1;
    InputStream source = new StopAfter(Samples.largePdf(size, 2), 1_000_000, s3::stop);

    StockageException e = S3TestBase.assertKind(ErrorKind.UNAVAILABLE,
        () -> provider.write("outage/put.pdf", source, WriteOptions.defaults().withLength(size)));
    assertThat(e.isRetryable()).isTrue();

    s3.start();
    S3TestBase.assertKind(ErrorKind.NOT_FOUND, () -> provider.stat("outage/put.pdf"));
    assertThat(openUploads()).isEmpty();
  }

  @Test
  void calls_serverStopped_areUnavailableThenRecover() {
    byte[] data = S3TestBase.bytes(1000, 3);
    provider.write("outage/small", new java.io.ByteArrayInputStream(data), WriteOptions.defaults());
    s3.stop();
    S3TestBase.assertKind(ErrorKind.UNAVAILABLE, () -> provider.stat("outage/small"));
    S3TestBase.assertKind(ErrorKind.UNAVAILABLE, () -> provider.read("outage/small", Optional.empty()));
    S3TestBase.assertKind(ErrorKind.UNAVAILABLE, () -> provider.list("outage/", Optional.empty(), 10));
    S3TestBase.assertKind(ErrorKind.UNAVAILABLE, () -> provider.delete("outage/small"));
    S3TestBase.assertKind(ErrorKind.UNAVAILABLE, () -> provider.abortIncompleteUploads(Instant.now()));
    S3TestBase.assertKind(ErrorKind.UNAVAILABLE, () -> S3TestBase.provider(bucket, b -> { }).close());
    s3.start();
    assertThat(S3TestBase.readAll(provider.read("outage/small", Optional.empty()))).isEqualTo(data);
  }

  private List<MultipartUpload> openUploads() {
    return raw.listMultipartUploads(b -> b.bucket(bucket.name())).uploads();
  }
}
