package io.stockage.provider.smb;

import static io.stockage.provider.smb.SmbTestBase.assertKind;
import static org.assertj.core.api.Assertions.assertThat;

import io.stockage.ErrorKind;
import io.stockage.spi.storage.StorageProviderFactory;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** What the builder and the factory check before connecting. */
class SmbStorageProviderBuilderTest {

  private static SmbStorageProviderBuilder valid() {
    return SmbStorageProvider.builder().host("files.example.org").share("docs").username("u").password("s3cret!");
  }

  @Test
  void config_defaults_arePort445RootOfShareNoEncryption() {
    SmbConfig config = valid().config();
    assertThat(config.port()).isEqualTo(445);
    assertThat(config.path()).isEmpty();
    assertThat(config.domain()).isEmpty();
    assertThat(config.encryption()).isFalse();
    assertThat(config.timeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(config.location()).isEqualTo("//files.example.org:445/docs");
  }

  @Test
  void config_missingOrBadSettings_areConfigInvalid() {
    assertKind(ErrorKind.CONFIG_INVALID, () -> SmbStorageProvider.builder().share("s").username("u").password("p").config());
    assertKind(ErrorKind.CONFIG_INVALID, () -> valid().host(" ").config());
    assertKind(ErrorKind.CONFIG_INVALID, () -> SmbStorageProvider.builder().host("h").username("u").password("p").config());
    assertKind(ErrorKind.CONFIG_INVALID, () -> valid().share("a/b").config());
    assertKind(ErrorKind.CONFIG_INVALID, () -> SmbStorageProvider.builder().host("h").share("s").password("p").config());
    assertKind(ErrorKind.CONFIG_INVALID, () -> SmbStorageProvider.builder().host("h").share("s").username("u").config());
    assertKind(ErrorKind.CONFIG_INVALID, () -> valid().port(0).config());
    assertKind(ErrorKind.CONFIG_INVALID, () -> valid().port(65536).config());
    assertKind(ErrorKind.CONFIG_INVALID, () -> valid().timeout(Duration.ZERO).config());
  }

  @Test
  void config_path_isNormalizedAndChecked() {
    assertThat(valid().path("\\stockage\\live\\").config().path()).isEqualTo("stockage/live");
    assertThat(valid().path("/a/b/").config().path()).isEqualTo("a/b");
    assertThat(valid().path("/").config().path()).isEmpty();
    assertKind(ErrorKind.CONFIG_INVALID, () -> valid().path("a/../b").config());
    assertKind(ErrorKind.CONFIG_INVALID, () -> valid().path("a//b").config());
    assertKind(ErrorKind.CONFIG_INVALID, () -> valid().path("live/CON").config());
    assertKind(ErrorKind.CONFIG_INVALID, () -> valid().path("what?").config());
  }

  @Test
  void toString_config_hidesThePassword() {
    SmbConfig config = valid().domain("CORP").config();
    assertThat(config.toString()).contains("files.example.org", "docs", "CORP\\u").doesNotContain("s3cret!");
  }

  @Test
  void factory_registeredUnderSmb() {
    assertThat(ServiceLoader.load(StorageProviderFactory.class).stream().map(ServiceLoader.Provider::type))
        .contains(SmbProviderFactory.class);
    assertThat(new SmbProviderFactory().scheme()).isEqualTo("smb");
  }

  @Test
  void factory_properties_configureTheBuilder() {
    Map<String, String> properties = new HashMap<>(Map.of("host", "h", "share", "s", "username", "u",
        "password", " pass with spaces ", "port", "4445", "domain", "D", "path", "x/y", "encryption", "TRUE",
        "timeout", "7"));
    SmbConfig config = SmbProviderFactory.builder(properties).config();
    assertThat(config).isEqualTo(new SmbConfig("h", 4445, "D", "s", "x/y", "u", " pass with spaces ", true,
        Duration.ofSeconds(7), true));
    properties.put("timeout", "PT1M");
    assertThat(SmbProviderFactory.builder(properties).config().timeout()).isEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void factory_missingOrBadProperties_areConfigInvalid() {
    Map<String, String> base = Map.of("host", "h", "share", "s", "username", "u", "password", "p");
    for (String missing : base.keySet()) {
      Map<String, String> properties = new HashMap<>(base);
      properties.remove(missing);
      assertThat(assertKind(ErrorKind.CONFIG_INVALID, () -> SmbProviderFactory.builder(properties)).getMessage())
          .contains(missing);
    }
    for (Map.Entry<String, String> bad : Map.of("port", "445x", "encryption", "yes", "timeout", "soon").entrySet()) {
      Map<String, String> properties = new HashMap<>(base);
      properties.put(bad.getKey(), bad.getValue());
      assertThat(assertKind(ErrorKind.CONFIG_INVALID, () -> SmbProviderFactory.builder(properties)).getMessage())
          .contains(bad.getKey());
    }
  }
}
