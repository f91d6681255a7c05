package io.stockage.provider.smb;

import static io.stockage.provider.smb.SmbTestBase.assertKind;
import static io.stockage.provider.smb.SmbTestBase.bytes;
import static io.stockage.provider.smb.SmbTestBase.put;
import static io.stockage.provider.smb.SmbTestBase.read;
import static org.assertj.core.api.Assertions.assertThat;

import io.stockage.ErrorKind;
import io.stockage.spi.storage.StorageProvider;
import io.stockage.spi.storage.StorageProviderFactory;
import io.stockage.testkit.smb.SambaFixture;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Building against the real server: what it checks, encryption, and the factory. */
class SmbBuildIT {
  private SambaFixture samba;
  private String folder;

  @BeforeEach
  void open() {
    samba = SambaFixture.shared();
    samba.start();
    folder = "build-" + UUID.randomUUID();
  }

  @Test
  void build_wrongPassword_isConfigInvalid() {
    assertKind(ErrorKind.CONFIG_INVALID, () -> SmbTestBase.provider(samba, "", b -> b.password("wrong")));
  }

  @Test
  void build_unknownShare_isConfigInvalid() {
    assertKind(ErrorKind.CONFIG_INVALID, () -> SmbTestBase.provider(samba, "", b -> b.share("nosuchshare")));
  }

  @Test
  void build_nothingListening_isUnavailable() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    int closed = port;
    assertKind(ErrorKind.UNAVAILABLE,
        () -> SmbTestBase.provider(samba, "", b -> b.port(closed).timeout(Duration.ofSeconds(2))));
  }

  @Test
  void build_missingFolder_createsIt() {
    try (SmbStorageProvider provider = SmbTestBase.provider(samba, folder + "/a\\b/", b -> { })) {
      assertThat(samba.shareDirectory().resolve(folder).resolve("a/b")).isEmptyDirectory();
      assertThat(provider.config().path()).isEqualTo(folder + "/a/b");
    }
    deleteFolder();
  }

  @Test
  void build_withEncryption_encryptsAndRoundTrips() {
    long before = encryptedSessions();
    try (SmbStorageProvider provider = SmbTestBase.provider(samba, folder, b -> b.encryption(true))) {
      assertThat(encryptedSessions()).as("encrypted sessions smbd reports: %s", samba.sessions()).isEqualTo(before + 2);
      byte[] data = bytes(2 * 1024 * 1024 + 3, 1);
      put(provider, "secret.bin", data);
      assertThat(read(provider, "secret.bin")).isEqualTo(data);
      assertThat(provider.toString()).contains("encrypted");
    }
    deleteFolder();
  }

  @Test
  void toString_providerAndConfig_hideThePassword() {
    try (SmbStorageProvider provider = SmbTestBase.provider(samba, folder, b -> { })) {
      assertThat(provider.toString()).contains(samba.host(), samba.share(), samba.username())
          .doesNotContain(samba.password());
      assertThat(provider.config().toString()).doesNotContain(samba.password());
    }
    deleteFolder();
  }

  @Test
  void factory_foundByServiceLoader_createsAWorkingProvider() {
    StorageProviderFactory factory = ServiceLoader.load(StorageProviderFactory.class).stream()
        .map(ServiceLoader.Provider::get).filter(f -> f.scheme().equals("smb")).findFirst().orElseThrow();
    Map<String, String> properties = Map.of("host", samba.host(), "port", Integer.toString(samba.port()),
        "share", samba.share(), "path", folder, "username", samba.username(), "password", samba.password(),
        "encryption", "false", "timeout", "PT20S");
    try (StorageProvider provider = factory.create(properties)) {
      assertThat(provider.scheme()).isEqualTo("smb");
      byte[] data = bytes(100, 2);
      put((SmbStorageProvider) provider, "f.bin", data);
      assertThat(read((SmbStorageProvider) provider, "f.bin")).isEqualTo(data);
    }
    deleteFolder();
  }

  /** Sessions whose encryption column names a cipher (signing uses CMAC or GMAC, never GCM or CCM). */
  private long encryptedSessions() {
    return samba.sessions().lines().filter(l -> l.matches(".*AES-(128|256)-(GCM|CCM).*")).count();
  }

  private void deleteFolder() {
    try (SmbStorageProvider root = SmbTestBase.provider(samba, "", b -> { })) {
      root.deleteDirectory(folder);
    }
  }
}
