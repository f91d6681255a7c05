package io.stockage.provider.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stockage.ErrorKind;
import io.stockage.StockageException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Validation of the builder and the factory's properties; nothing here talks to a server. */
class S3StorageProviderBuilderTest {
  private static final URI ENDPOINT = URI.create("http://127.0.0.1:9000");

  @Test
  void config_defaults_areFilledIn() {
    S3Config config = S3StorageProvider.builder().bucket("docs").endpoint(ENDPOINT).config();
    assertThat(config.region()).isEqualTo("us-east-1");
    assertThat(config.prefix()).isEmpty();
    assertThat(config.partSize()).isEqualTo(8L << 20);
    assertThat(config.multipartThreshold()).isEqualTo(16L << 20);
    assertThat(config.keys()).isEmpty();
    assertThat(config.conditionalWrites()).isTrue();
  }

  @Test
  void config_prefix_getsATrailingSlash() {
    assertThat(S3StorageProvider.builder().bucket("docs").endpoint(ENDPOINT).prefix("a/b").config().prefix())
        .isEqualTo("a/b/");
    assertThat(S3StorageProvider.builder().bucket("docs").endpoint(ENDPOINT).prefix("a/").config().prefix())
        .isEqualTo("a/");
  }

  @Test
  void config_badSettings_areConfigInvalid() {
    assertInvalid(b -> { });
    assertInvalid(b -> b.bucket(" "));
    assertInvalid(b -> b.bucket("a/b"));
    assertInvalid(b -> b.bucket("docs").partSize((5L << 20) - 1));
    assertInvalid(b -> b.bucket("docs").multipartThreshold(6L << 30));
    assertInvalid(b -> b.bucket("docs").prefix("../up"));
    assertInvalid(b -> b.bucket("docs").endpoint(URI.create("ftp://host/")));
    assertInvalid(b -> b.bucket("docs").credentials("AKIA", ""));
    assertInvalid(b -> b.bucket("docs").socketTimeout(Duration.ZERO));
  }

  @Test
  void config_toString_neverShowsTheKeys() {
    S3Config config = S3StorageProvider.builder().bucket("docs").endpoint(ENDPOINT)
        .credentials("AKIAEXAMPLEKEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYSECRET").config();
    assertThat(config.toString()).contains("docs").doesNotContain("AKIAEXAMPLEKEY").doesNotContain("SECRET");
  }

  @Test
  void factory_properties_fillTheBuilder() {
    S3Config config = S3ProviderFactory.builder(Map.of("bucket", "docs", "endpoint", "http://127.0.0.1:9000",
        "path-style", "TRUE", "prefix", "mount1", "part-size", "16MiB", "multipart-threshold", "32 MB",
        "access-key", "ak", "secret-key", "sk", "conditional-writes", "false", "keep-last", "5")).config();
    assertThat(config.pathStyle()).isTrue();
    assertThat(config.prefix()).isEqualTo("mount1/");
    assertThat(config.partSize()).isEqualTo(16L << 20);
    assertThat(config.multipartThreshold()).isEqualTo(32L << 20);
    assertThat(config.keys()).hasValueSatisfying(k -> assertThat(k.accessKey()).isEqualTo("ak"));
    assertThat(config.conditionalWrites()).isFalse();
  }

  @Test
  void factory_badProperties_areConfigInvalidNamingTheProperty() {
    assertThat(factoryFailure(Map.of("endpoint", "http://x")).detail()).contains("bucket");
    assertThat(factoryFailure(Map.of("bucket", "b", "part-size", "eight")).detail()).contains("part-size");
    assertThat(factoryFailure(Map.of("bucket", "b", "path-style", "yes")).detail()).contains("path-style");
    assertThat(factoryFailure(Map.of("bucket", "b", "access-key", "ak")).detail()).contains("secret-key");
    assertThat(factoryFailure(Map.of("bucket", "b", "endpoint", "http://bad host/")).detail()).contains("endpoint");
  }

  @Test
  void factory_sizes_acceptBytesAndBinaryUnits() {
    assertThat(S3ProviderFactory.size("s", "8388608")).isEqualTo(8L << 20);
    assertThat(S3ProviderFactory.size("s", "8M")).isEqualTo(8L << 20);
    assertThat(S3ProviderFactory.size("s", "1gib")).isEqualTo(1L << 30);
    assertThat(S3ProviderFactory.size("s", "64KB")).isEqualTo(64L << 10);
  }

  private static void assertInvalid(Consumer<S3StorageProviderBuilder> settings) {
    S3StorageProviderBuilder builder = S3StorageProvider.builder().endpoint(ENDPOINT);
    assertThatThrownBy(() -> {
      settings.accept(builder);
      builder.config();
    }).isInstanceOfSatisfying(StockageException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.CONFIG_INVALID));
  }

  private static StockageException factoryFailure(Map<String, String> properties) {
    try {
      S3ProviderFactory.builder(properties).config();
    } catch (StockageException e) {
      assertThat(e.kind()).isEqualTo(ErrorKind.CONFIG_INVALID);
      return e;
    }
    throw new AssertionError("no failure for " + properties);
  }
}
