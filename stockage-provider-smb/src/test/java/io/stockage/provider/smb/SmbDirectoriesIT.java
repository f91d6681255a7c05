package io.stockage.provider.smb;

import static io.stockage.provider.smb.SmbTestBase.assertKind;
import static io.stockage.provider.smb.SmbTestBase.bytes;
import static io.stockage.provider.smb.SmbTestBase.put;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.stockage.Capability;
import io.stockage.ErrorKind;
import io.stockage.spi.storage.DirectoryEntry;
import io.stockage.spi.storage.WriteOptions;
import io.stockage.testkit.smb.SambaFixture;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code DIRECTORIES}: listing, creating and deleting folders, and the folders writes and deletes leave. */
class SmbDirectoriesIT {
  private SambaFixture samba;
  private String folder;
  private SmbStorageProvider provider;

  @BeforeEach
  void open() {
    samba = SambaFixture.shared();
    samba.start();
    folder = "dirs-" + UUID.randomUUID();
    provider = SmbTestBase.provider(samba, folder, b -> { });
  }

  @AfterEach
  void close() {
    provider.close();
    try (SmbStorageProvider root = SmbTestBase.provider(samba, "", b -> { })) {
      root.deleteDirectory(folder);
    }
  }

  @Test
  void capabilities_declareDirectories() {
    assertThat(provider.capabilities().supports(Capability.DIRECTORIES)).isTrue();
  }

  @Test
  void createDirectory_nested_createsParentsAndIsIdempotent() {
    provider.createDirectory("a/b/c");
    provider.createDirectory("a/b/c");
    provider.createDirectory("a");
    assertThat(local("a/b/c")).isDirectory();
    assertThat(provider.listDirectory("a")).extracting(DirectoryEntry::name, DirectoryEntry::directory, DirectoryEntry::size)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("b", true, 0L));
    assertThat(provider.listDirectory("a/b/c")).isEmpty();
  }

  @Test
  void createDirectory_fileInTheWay_isAlreadyExists() {
    put(provider, "file", bytes(10, 1));
    assertKind(ErrorKind.ALREADY_EXISTS, () -> provider.createDirectory("file"));
    assertKind(ErrorKind.ALREADY_EXISTS, () -> provider.createDirectory("file/sub"));
    assertThat(local("file")).isRegularFile();
  }

  @Test
  void listDirectory_mixedEntries_listsByNameWithoutTemporaryFiles() throws IOException {
    put(provider, "b.txt", bytes(7, 2));
    put(provider, "a/inner.txt", bytes(3, 3));
    provider.createDirectory("c");
    Files.write(local(".stockage-tmp-inflight"), bytes(5, 4));
    assertThat(provider.listDirectory("")).extracting(DirectoryEntry::name, DirectoryEntry::directory, DirectoryEntry::size)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("a", true, 0L),
            org.assertj.core.groups.Tuple.tuple("b.txt", false, 7L), org.assertj.core.groups.Tuple.tuple("c", true, 0L));
  }

  @Test
  void listDirectory_missingOrAFile_isNotFound() {
    put(provider, "file", bytes(10, 5));
    assertKind(ErrorKind.NOT_FOUND, () -> provider.listDirectory("missing"));
    assertKind(ErrorKind.NOT_FOUND, () -> provider.listDirectory("missing/deeper"));
    assertKind(ErrorKind.NOT_FOUND, () -> provider.listDirectory("file"));
  }

  @Test
  void deleteDirectory_withContent_deletesEverything() {
    for (int i = 0; i < 25; i++) {
      put(provider, "tree/f" + i, bytes(i, i));
      put(provider, "tree/sub/deeper/g" + i, bytes(i, i));
    }
    provider.createDirectory("tree/empty");
    put(provider, "keep/x", bytes(1, 6));
    provider.deleteDirectory("tree");
    assertThat(local("tree")).doesNotExist();
    assertThat(local("keep/x")).isRegularFile();
    provider.deleteDirectory("tree");
  }

  @Test
  void deleteDirectory_fileOfThatNameOrRoot_isLeftOrRefused() {
    put(provider, "file", bytes(10, 7));
    provider.deleteDirectory("file");
    assertThat(local("file")).isRegularFile();
    assertKind(ErrorKind.INVALID_ARGUMENT, () -> provider.deleteDirectory(""));
  }

  @Test
  void delete_lastFileOfFolders_prunesTheEmptyFolders() {
    put(provider, "p/q/r/only.bin", bytes(10, 8));
    put(provider, "p/other.bin", bytes(10, 9));
    provider.delete("p/q/r/only.bin");
    assertThat(local("p/q")).doesNotExist();
    assertThat(local("p/other.bin")).isRegularFile();
  }

  @Test
  void write_sourceFailsInAnExistingEmptyFolder_keepsTheFolder() {
    provider.createDirectory("kept");
    RuntimeException failure = new IllegalStateException("source refused");
    assertThat(catchThrowable(() -> provider.write("kept/x.bin", failing(failure), WriteOptions.defaults())))
        .isSameAs(failure);
    assertThat(local("kept")).isEmptyDirectory();
  }

  @Test
  void write_sourceFailsInNewFolders_removesThem() {
    provider.createDirectory("base");
    RuntimeException failure = new IllegalStateException("source refused");
    assertThat(catchThrowable(() -> provider.write("base/new/deep/x.bin", failing(failure), WriteOptions.defaults())))
        .isSameAs(failure);
    assertThat(local("base")).isEmptyDirectory();
  }

  private Path local(String path) {
    return samba.shareDirectory().resolve(folder).resolve(path);
  }

  private static InputStream failing(RuntimeException failure) {
    return new java.io.SequenceInputStream(new ByteArrayInputStream(bytes(100_000, 10)), new InputStream() {
      @Override
      public int read() {
        throw failure;
      }
    });
  }
}
