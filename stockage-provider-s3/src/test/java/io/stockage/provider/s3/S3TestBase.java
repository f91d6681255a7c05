package io.stockage.provider.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stockage.ErrorKind;
import io.stockage.StockageException;
import io.stockage.spi.storage.ObjectContent;
import io.stockage.spi.storage.WriteOptions;
import io.stockage.testkit.s3.S3Bucket;
import io.stockage.testkit.s3.S3Server;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.MultipartUpload;

/**
 * The base of the S3 provider's own tests: a fresh bucket on the subclass's server, a provider on
 * it (5 MiB parts, so that multipart writes stay small), and a plain SDK client to look behind
 * the provider's back.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class S3TestBase {
  static final int PART = 5 << 20;

  protected S3Bucket bucket;
  protected S3StorageProvider provider;
  protected S3Client raw;

  /** The server the tests run against. */
  protected abstract S3Server server();

  @BeforeAll
  void openBucket() {
    bucket = server().freshBucket();
    provider = provider(bucket, b -> b.partSize(PART).multipartThreshold(PART));
    raw = rawClient(bucket);
  }

  @AfterAll
  void closeBucket() {
    if (provider != null) {
      provider.deleteAll(provider.list("", java.util.Optional.empty(), 1000).objects().stream()
          .map(io.stockage.spi.storage.ObjectInfo::key).toList());
      provider.abortIncompleteUploads(java.time.Instant.now().plusSeconds(60));
      provider.close();
    }
    if (raw != null) {
      raw.close();
    }
  }

  /** A provider on the bucket, adjusted by the caller. */
  static S3StorageProvider provider(S3Bucket bucket, Consumer<S3StorageProviderBuilder> adjust) {
    S3StorageProviderBuilder builder = S3StorageProvider.builder().endpoint(bucket.endpoint()).pathStyle(true)
        .region(bucket.region()).bucket(bucket.name()).prefix(bucket.prefix());
    if (!bucket.accessKey().isEmpty()) {
      builder.credentials(bucket.accessKey(), bucket.secretKey());
    }
    adjust.accept(builder);
    return builder.build();
  }

  /** A plain SDK client on the bucket's service. */
  static S3Client rawClient(S3Bucket bucket) {
    var builder = S3Client.builder().endpointOverride(bucket.endpoint()).forcePathStyle(true)
        .region(Region.of(bucket.region()))
        .httpClient(software.amazon.awssdk.http.apache5.Apache5HttpClient.create());
    if (!bucket.accessKey().isEmpty()) {
      builder.credentialsProvider(StaticCredentialsProvider.create(
          AwsBasicCredentials.create(bucket.accessKey(), bucket.secretKey())));
    }
    return builder.build();
  }

  /** The multipart uploads open in the bucket under the test's prefix. */
  List<MultipartUpload> openUploads() {
    return raw.listMultipartUploads(b -> b.bucket(bucket.name()).prefix(bucket.prefix())).uploads();
  }

  static byte[] bytes(int size, long seed) {
    byte[] data = new byte[size];
    new Random(seed).nextBytes(data);
    return data;
  }

  void put(String key, byte[] data) {
    provider.write(key, new ByteArrayInputStream(data), WriteOptions.defaults().withLength(data.length));
  }

  static byte[] readAll(ObjectContent content) {
    try (content) {
      return content.stream().readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static StockageException assertKind(ErrorKind kind, ThrowingCallable call) {
    StockageException[] caught = new StockageException[1];
    assertThatThrownBy(call).isInstanceOfSatisfying(StockageException.class, e -> {
      assertThat(e.kind()).as("kind of %s", e).isEqualTo(kind);
      caught[0] = e;
    });
    return caught[0];
  }
}
