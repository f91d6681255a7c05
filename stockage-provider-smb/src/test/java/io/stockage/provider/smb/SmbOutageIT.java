package io.stockage.provider.smb;

import static io.stockage.provider.smb.SmbTestBase.assertKind;
import static io.stockage.provider.smb.SmbTestBase.bytes;
import static io.stockage.provider.smb.SmbTestBase.put;
import static io.stockage.provider.smb.SmbTestBase.read;
import static org.assertj.core.api.Assertions.assertThat;

import io.stockage.ErrorKind;
import io.stockage.StockageException;
import io.stockage.spi.storage.WriteOptions;
import io.stockage.testkit.smb.SambaFixture;
import io.stockage.testkit.StopAfter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * smbd killed, as a crash would, in the middle of a write and between calls: the call fails with
 * {@code UNAVAILABLE}, nothing partial appears under the key, and once smbd is back the same
 * provider works again (it reconnects by itself) and removes the temporary file the cut write left.
 */
class SmbOutageIT {
  private static final int MIB = 1 << 20;

  private SambaFixture samba;
  private String folder;
  private SmbStorageProvider provider;

  @BeforeEach
  void open() {
    samba = SambaFixture.shared();
    samba.start();
    folder = "outage-" + UUID.randomUUID();
    provider = SmbTestBase.provider(samba, folder, b -> { });
  }

  @AfterEach
  void close() {
    samba.start();
    provider.close();
    try (SmbStorageProvider root = SmbTestBase.provider(samba, "", b -> { })) {
      root.deleteDirectory(folder);
    }
  }

  @Test
  void write_smbdKilledMidWrite_isUnavailableKeepsTheOldFileAndRecovers() throws IOException {
    byte[] old = bytes(1000, 1);
    put(provider, "doc.bin", old);
    StopAfter source = new StopAfter(new ByteArrayInputStream(bytes(8 * MIB, 2)), 3L * MIB, samba::stop);

    StockageException e = assertKind(ErrorKind.UNAVAILABLE,
        () -> provider.write("doc.bin", source, WriteOptions.defaults()));

    assertThat(e.isRetryable()).isTrue();
    assertThat(Files.readAllBytes(local("doc.bin"))).as("the file under the key while smbd is down").isEqualTo(old);
    assertThat(temporaryFiles()).as("the cut write's temporary file, which smbd could not delete").hasSize(1);
    samba.start();
    assertThat(read(provider, "doc.bin")).as("read by the same provider once smbd is back").isEqualTo(old);
    byte[] next = bytes(2 * MIB, 3);
    put(provider, "doc.bin", next);
    assertThat(Files.readAllBytes(local("doc.bin"))).isEqualTo(next);
    assertThat(temporaryFiles()).as("temporary files after the next write").isEmpty();
  }

  @Test
  void write_newKeySmbdKilledMidWrite_leavesNothingUnderTheKey() {
    StopAfter source = new StopAfter(new ByteArrayInputStream(bytes(4 * MIB, 4)), MIB, samba::stop);

    assertKind(ErrorKind.UNAVAILABLE,
        () -> provider.write("new/partial.bin", source, WriteOptions.defaults().withLength(4 * MIB)));

    assertThat(local("new/partial.bin")).doesNotExist();
    samba.start();
    assertKind(ErrorKind.NOT_FOUND, () -> provider.stat("new/partial.bin"));
    assertThat(provider.list("", Optional.empty(), 10).objects()).isEmpty();
  }

  @Test
  void calls_smbdStopped_areUnavailableThenTheSameProviderRecovers() {
    byte[] data = bytes(1000, 5);
    put(provider, "kept.bin", data);
    samba.stop();
    for (Runnable call : List.<Runnable>of(
        () -> provider.stat("kept.bin"),
        () -> provider.read("kept.bin", Optional.empty()).close(),
        () -> put(provider, "other.bin", data),
        () -> provider.delete("kept.bin"),
        () -> provider.list("", Optional.empty(), 10),
        () -> provider.copy("kept.bin", "copy.bin"),
        () -> provider.move("kept.bin", "moved.bin"),
        () -> provider.listDirectory(""),
        () -> provider.createDirectory("d"),
        () -> provider.deleteDirectory("d"))) {
      assertThat(assertKind(ErrorKind.UNAVAILABLE, call::run).isRetryable()).isTrue();
    }
    samba.start();
    assertThat(read(provider, "kept.bin")).isEqualTo(data);
    put(provider, "after.bin", data);
    assertThat(provider.listDirectory("")).extracting(d -> d.name()).containsExactly("after.bin", "kept.bin");
  }

  @Test
  void calls_smbdRestartedWhileIdle_succeedOnTheFirstTry() {
    byte[] data = bytes(1000, 6);
    put(provider, "idle.bin", data);
    samba.stop();
    samba.start();
    assertThat(provider.stat("idle.bin").size()).isEqualTo(1000);
    put(provider, "idle.bin", bytes(10, 7));
    assertThat(read(provider, "idle.bin")).isEqualTo(bytes(10, 7));
  }

  @Test
  void build_smbdStopped_isUnavailable() {
    samba.stop();
    assertKind(ErrorKind.UNAVAILABLE, () -> SmbTestBase.provider(samba, folder, b -> { }).close());
  }

  private Path local(String key) {
    return samba.shareDirectory().resolve(folder).resolve(key);
  }

  private List<Path> temporaryFiles() throws IOException {
    try (Stream<Path> files = Files.walk(samba.shareDirectory().resolve(folder))) {
      return files.filter(p -> p.getFileName().toString().startsWith(".stockage-tmp-")).toList();
    }
  }
}
