package io.stockage.provider.s3.internal;

import io.stockage.ErrorKind;
import io.stockage.StockageException;
import io.stockage.provider.s3.S3Config;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Builds the SDK objects from an {@link S3Config} and probes the bucket.
 *
 * <p>The HTTP client is the SDK's default, Apache HttpClient 5, pooled, with the configured
 * timeouts; it streams request bodies. The JDK-based {@code UrlConnectionHttpClient} is lighter
 * (no jar beyond the SDK) but was seen, against S3Proxy, to resend PUTs the server had already
 * applied (a conditional create then fails with 412) and to lose answers sent before the body was
 * read; the Apache client did neither.
 */
public final class S3Clients implements AutoCloseable {
  private final SdkHttpClient http;
  private final S3Client client;
  private final S3Presigner presigner;
  private final AwsCredentialsProvider credentials;

  private S3Clients(SdkHttpClient http, S3Client client, S3Presigner presigner, AwsCredentialsProvider credentials) {
    this.http = http;
    this.client = client;
    this.presigner = presigner;
    this.credentials = credentials;
  }

  /** Creates the client and presigner; nothing is sent yet. */
  public static S3Clients create(S3Config config) {
    AwsCredentialsProvider credentials = config.keys()
        .<AwsCredentialsProvider>map(k -> StaticCredentialsProvider.create(
            AwsBasicCredentials.create(k.accessKey(), k.secretKey())))
        .orElseGet(() -> DefaultCredentialsProvider.builder().build());
    SdkHttpClient http = Apache5HttpClient.builder()
        .connectionTimeout(config.connectTimeout())
        .socketTimeout(config.socketTimeout())
        .tcpKeepAlive(true)
        .build();
    var builder = S3Client.builder()
        .httpClient(http)
        .region(Region.of(config.region()))
        .credentialsProvider(credentials)
        .forcePathStyle(config.pathStyle());
    var presign = S3Presigner.builder()
        .region(Region.of(config.region()))
        .credentialsProvider(credentials)
        .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(config.pathStyle()).build());
    config.endpoint().ifPresent(endpoint -> {
      builder.endpointOverride(endpoint);
      presign.endpointOverride(endpoint);
    });
    return new S3Clients(http, builder.build(), presign.build(), credentials);
  }

  /** The region of the SDK's default chain ({@code AWS_REGION}, profile), when it finds one. */
  public static Optional<String> defaultRegion() {
    try {
      return Optional.of(DefaultAwsRegionProviderChain.builder().build().getRegion().id());
    } catch (SdkException e) {
      return Optional.empty();
    }
  }

  /** The client. */
  public S3Client client() {
    return client;
  }

  /** The presigner. */
  public S3Presigner presigner() {
    return presigner;
  }

  /**
   * Whether versioning is enabled on the bucket. A service that does not implement the call, or
   * credentials not allowed to make it, mean no versioning; a missing bucket or refused
   * credentials are configuration errors.
   */
  public boolean versioningEnabled(String bucket) {
    try {
      return client.getBucketVersioning(b -> b.bucket(bucket)).status() == BucketVersioningStatus.ENABLED;
    } catch (S3Exception e) {
      String code = S3Errors.code(e);
      if (e.statusCode() == 404 || "InvalidAccessKeyId".equals(code) || "SignatureDoesNotMatch".equals(code)) {
        throw StockageException.of(ErrorKind.CONFIG_INVALID,
            "s3: cannot use bucket " + bucket + ": " + code + " (" + e.statusCode() + ")", e);
      }
      if (e.statusCode() == 403 || e.statusCode() == 501) {
        return false;
      }
      throw S3Errors.map(e, S3Op.PROBE, bucket);
    } catch (SdkException e) {
      throw S3Errors.map(e, S3Op.PROBE, bucket);
    }
  }

  @Override
  public void close() {
    presigner.close();
    client.close();
    // A client passed to the builder is the caller's to close.
    http.close();
    if (credentials instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (Exception e) {
        // Closing a credentials cache frees threads only; nothing to report.
      }
    }
  }
}
