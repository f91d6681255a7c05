package io.stockage.provider.s3.internal;

import io.stockage.spi.storage.ObjectInfo;
import io.stockage.spi.storage.ObjectKeys;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Where the provider's objects live: a bucket, and a key prefix inside it, reached through one
 * client. Turns provider keys into S3 keys and back.
 *
 * @param client the SDK client
 * @param name the bucket
 * @param prefix prepended to every key: empty or ending with {@code /}
 * @param versioned whether the bucket has versioning enabled (probed once, at build time)
 */
public record Bucket(S3Client client, String name, String prefix, boolean versioned) {
  /** S3's limit on a key, in UTF-8 bytes. */
  public static final int S3_MAX_KEY_BYTES = 1024;

  /** Validates. */
  public Bucket {
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(prefix, "prefix");
  }

  /** The longest provider key: S3's limit less the prefix. */
  public int maxKeyLength() {
    return S3_MAX_KEY_BYTES - prefix.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
  }

  /** The S3 key of a provider key, which is checked first ({@code INVALID_ARGUMENT}). */
  public String path(String key) {
    return prefix + ObjectKeys.check(key, maxKeyLength());
  }

  /** The provider key of an S3 key under the prefix. */
  public String key(String path) {
    return path.substring(prefix.length());
  }

  /** The version id to report: only a versioned bucket has meaningful ones. */
  Optional<String> version(String versionId) {
    return versioned ? Optional.ofNullable(versionId) : Optional.empty();
  }

  /**
   * What a write response tells of the object written: S3 returns no Last-Modified on PUT, copy
   * or completion, so the response's Date, the server's time, stands for it.
   */
  ObjectInfo written(String key, long size, String etag, String versionId, SdkHttpResponse response) {
    Instant when = response.firstMatchingHeader("Date").flatMap(Bucket::httpDate).orElseGet(Instant::now);
    return new ObjectInfo(key, size, when, Optional.ofNullable(etag), version(versionId));
  }

  private static Optional<Instant> httpDate(String value) {
    try {
      return Optional.of(java.time.ZonedDateTime.parse(value, java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME)
          .toInstant());
    } catch (java.time.format.DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
