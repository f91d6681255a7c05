package io.stockage.provider.s3;

import io.stockage.ErrorKind;
import io.stockage.StockageException;
import io.stockage.spi.storage.StorageProvider;
import io.stockage.spi.storage.StorageProviderFactory;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Creates {@link S3StorageProvider}s for scheme {@code s3} from properties: {@code bucket}
 * (required), {@code prefix}, {@code endpoint}, {@code region}, {@code path-style}
 * ({@code true}/{@code false}), {@code access-key} and {@code secret-key} (both or neither; neither
 * means the SDK's default chain), {@code part-size} and {@code multipart-threshold} (bytes, or with
 * a unit: {@code 8MiB}, {@code 16MB}, {@code 1GiB}), {@code conditional-writes}. Other properties
 * are left to whoever else reads them (the engine reads retention settings from the same map).
 */
public final class S3ProviderFactory implements StorageProviderFactory {
  private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*([KMGT]?)(I?B)?", Pattern.CASE_INSENSITIVE);

  /** For {@link java.util.ServiceLoader}. */
  public S3ProviderFactory() {}

  @Override
  public String scheme() {
    return "s3";
  }

  @Override
  public StorageProvider create(Map<String, String> properties) {
    return builder(properties).build();
  }

  /** The builder the properties describe, for a caller that wants to adjust it before building. */
  public static S3StorageProviderBuilder builder(Map<String, String> properties) {
    S3StorageProviderBuilder builder = S3StorageProvider.builder();
    String bucket = value(properties, "bucket");
    if (bucket == null) {
      throw invalid("an s3 mount needs the property 'bucket'");
    }
    builder.bucket(bucket);
    ifSet(properties, "prefix", builder::prefix);
    ifSet(properties, "endpoint", v -> builder.endpoint(uri(v)));
    ifSet(properties, "region", builder::region);
    ifSet(properties, "path-style", v -> builder.pathStyle(bool("path-style", v)));
    ifSet(properties, "conditional-writes", v -> builder.conditionalWrites(bool("conditional-writes", v)));
    ifSet(properties, "part-size", v -> builder.partSize(size("part-size", v)));
    ifSet(properties, "multipart-threshold", v -> builder.multipartThreshold(size("multipart-threshold", v)));
    String accessKey = value(properties, "access-key");
    String secretKey = value(properties, "secret-key");
    if ((accessKey == null) != (secretKey == null)) {
      throw invalid("'access-key' and 'secret-key' go together: set both, or neither for the default chain");
    }
    if (accessKey != null) {
      builder.credentials(accessKey, secretKey);
    }
    return builder;
  }

  /** Parses {@code 8388608}, {@code 8MiB}, {@code 8MB}, {@code 8M} (units are binary: 1 MB = 1 MiB). */
  static long size(String name, String value) {
    Matcher m = SIZE.matcher(value.trim());
    if (!m.matches()) {
      throw invalid("'" + name + "' must be a size in bytes, or like 8MiB: " + value);
    }
    int shift = switch (m.group(2).toUpperCase(Locale.ROOT)) {
      case "K" -> 10;
      case "M" -> 20;
      case "G" -> 30;
      case "T" -> 40;
      default -> 0;
    };
    try {
      return Math.multiplyExact(Long.parseLong(m.group(1)), 1L << shift);
    } catch (ArithmeticException | NumberFormatException e) {
      throw invalid("'" + name + "' is too large: " + value);
    }
  }

  private static boolean bool(String name, String value) {
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw invalid("'" + name + "' must be true or false: " + value);
    };
  }

  private static URI uri(String value) {
    try {
      return new URI(value.trim());
    } catch (URISyntaxException e) {
      throw invalid("'endpoint' is not a URL: " + value);
    }
  }

  private static String value(Map<String, String> properties, String name) {
    String value = properties.get(name);
    return value == null || value.isBlank() ? null : value.trim();
  }

  private static void ifSet(Map<String, String> properties, String name, java.util.function.Consumer<String> apply) {
    String value = value(properties, name);
    if (value != null) {
      apply.accept(value);
    }
  }

  private static StockageException invalid(String message) {
    return StockageException.of(ErrorKind.CONFIG_INVALID, "s3: " + message);
  }
}
