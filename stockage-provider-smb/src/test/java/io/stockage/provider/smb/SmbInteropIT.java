package io.stockage.provider.smb;

import static io.stockage.provider.smb.SmbTestBase.assertKind;
import static io.stockage.provider.smb.SmbTestBase.bytes;
import static io.stockage.provider.smb.SmbTestBase.put;
import static io.stockage.provider.smb.SmbTestBase.read;
import static org.assertj.core.api.Assertions.assertThat;

import io.stockage.Capability;
import io.stockage.ErrorKind;
import io.stockage.spi.storage.DirectoryEntry;
import io.stockage.spi.storage.ObjectInfo;
import io.stockage.testkit.smb.SambaFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Another SMB client on the same share, Samba's smbclient: what it writes the provider lists and
 * reads, what the provider writes it fetches byte for byte, what it deletes is gone
 * ({@code EXTERNAL_CHANGES}).
 */
class SmbInteropIT {
  private SambaFixture samba;
  private String folder;
  private SmbStorageProvider provider;

  @TempDir
  Path local;

  @BeforeEach
  void open() {
    samba = SambaFixture.shared();
    samba.start();
    folder = "interop-" + UUID.randomUUID();
    provider = SmbTestBase.provider(samba, folder, b -> { });
  }

  @AfterEach
  void close() {
    provider.deleteDirectory("inbox");
    provider.deleteDirectory("out");
    provider.close();
    try (SmbStorageProvider root = SmbTestBase.provider(samba, "", b -> { })) {
      root.deleteDirectory(folder);
    }
  }

  @Test
  void listDirectoryAndList_fileWrittenBySmbclient_appear() throws IOException {
    byte[] data = bytes(200_000, 1);
    Path scan = Files.write(local.resolve("scan.pdf"), data);
    samba.smbclient().mkdir(folder + "/inbox");
    samba.smbclient().put(scan, folder + "/inbox/scan 1.pdf");

    assertThat(provider.capabilities().supports(Capability.EXTERNAL_CHANGES)).isTrue();
    assertThat(provider.listDirectory("")).extracting(DirectoryEntry::name, DirectoryEntry::directory)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("inbox", true));
    assertThat(provider.listDirectory("inbox")).singleElement().satisfies(e -> {
      assertThat(e.name()).isEqualTo("scan 1.pdf");
      assertThat(e.directory()).isFalse();
      assertThat(e.size()).isEqualTo(data.length);
    });
    assertThat(provider.list("inbox/", Optional.empty(), 10).objects()).extracting(ObjectInfo::key, ObjectInfo::size)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("inbox/scan 1.pdf", (long) data.length));
    assertThat(read(provider, "inbox/scan 1.pdf")).isEqualTo(data);
  }

  @Test
  void write_fetchedWithSmbclient_isByteIdentical() throws IOException {
    byte[] data = bytes(3 * 1024 * 1024 + 17, 2);
    put(provider, "out/report é.bin", data);
    put(provider, "out/empty", new byte[0]);

    samba.smbclient().get(folder + "/out/report é.bin", local.resolve("fetched.bin"));
    samba.smbclient().get(folder + "/out/empty", local.resolve("empty"));

    assertThat(Files.readAllBytes(local.resolve("fetched.bin"))).isEqualTo(data);
    assertThat(local.resolve("empty")).isEmptyFile();
    assertThat(samba.smbclient().ls(folder + "/out")).contains("report é.bin").doesNotContain(".stockage-tmp-");
  }

  @Test
  void write_returnedInfo_matchesStatBeforeAndAfterTheServerSettlesWriteTimes() throws InterruptedException {
    ObjectInfo written = put(provider, "out/settled.bin", bytes(70_000, 6));
    ObjectInfo copied = provider.copy("out/settled.bin", "out/copied.bin");
    assertThat(provider.stat("out/settled.bin")).isEqualTo(written);
    assertThat(provider.stat("out/copied.bin")).isEqualTo(copied);
    // Windows semantics let a server update a file's write time up to 2 s after the last write.
    Thread.sleep(2_500);
    assertThat(provider.stat("out/settled.bin")).isEqualTo(written);
    assertThat(provider.stat("out/copied.bin")).isEqualTo(copied);
    assertThat(written.size()).isEqualTo(70_000);
  }

  @Test
  void stat_fileDeletedBySmbclient_isNotFound() {
    put(provider, "out/gone.bin", bytes(10, 3));
    samba.smbclient().rm(folder + "/out/gone.bin");
    assertKind(ErrorKind.NOT_FOUND, () -> provider.stat("out/gone.bin"));
    assertThat(provider.list("out/", Optional.empty(), 10).objects()).isEmpty();
  }

  @Test
  void read_fileReplacedBySmbclient_returnsTheNewBytes() throws IOException {
    put(provider, "out/changed.bin", bytes(100, 4));
    byte[] replaced = bytes(150, 5);
    samba.smbclient().put(Files.write(local.resolve("changed.bin"), replaced), folder + "/out/changed.bin");
    assertThat(provider.stat("out/changed.bin").size()).isEqualTo(150);
    assertThat(read(provider, "out/changed.bin")).isEqualTo(replaced);
  }
}
