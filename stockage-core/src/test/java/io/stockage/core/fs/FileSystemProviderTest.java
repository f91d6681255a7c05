package io.stockage.core.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stockage.ErrorKind;
import io.stockage.StockageException;
import io.stockage.spi.storage.WriteOptions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What only a file-system store has: symbolic links, temporary files, directories. The behaviour
 * every provider shares is checked by {@link FileSystemProviderConformanceTest}.
 */
class FileSystemProviderTest {
  @TempDir
  Path dir;
  private FileSystemProvider provider;

  @BeforeEach
  void open() {
    provider = FileSystemProvider.create(dir.resolve("root"));
  }

  @Test
  void read_throughSymlinkOutOfRoot_isRefused() throws IOException {
    Path outside = Files.createDirectories(dir.resolve("outside"));
    Files.writeString(outside.resolve("secret.txt"), "secret");
    Files.createSymbolicLink(dir.resolve("root/link"), outside);
    assertKind(() -> provider.read("link/secret.txt", Optional.empty()), ErrorKind.PERMISSION_DENIED);
    assertKind(() -> provider.write("link/planted", new ByteArrayInputStream(new byte[1]), WriteOptions.defaults()),
        ErrorKind.PERMISSION_DENIED);
    assertThat(outside.resolve("planted")).doesNotExist();
  }

  @Test
  void read_symlinkedFile_isRefused() throws IOException {
    Path outside = Files.writeString(dir.resolve("passwd"), "root:x:0:0");
    Files.createSymbolicLink(dir.resolve("root/passwd"), outside);
    assertKind(() -> provider.read("passwd", Optional.empty()), ErrorKind.PERMISSION_DENIED);
  }

  @Test
  void write_failure_leavesNoTemporaryFileNorDirectory() throws IOException {
    InputStream failing = new InputStream() {
      @Override
      public int read() throws IOException {
        throw new IOException("client went away");
      }
    };
    assertKind(() -> provider.write("d/e/x", failing, WriteOptions.defaults()), ErrorKind.UNEXPECTED);
    try (Stream<Path> files = Files.walk(dir.resolve("root"))) {
      assertThat(files.filter(p -> !p.equals(dir.resolve("root")))).isEmpty();
    }
  }

  @Test
  void delete_lastObject_removesEmptyDirectories() {
    provider.write("a/b/c/d", new ByteArrayInputStream(new byte[1]), WriteOptions.defaults());
    provider.write("a/x", new ByteArrayInputStream(new byte[1]), WriteOptions.defaults());
    provider.delete("a/b/c/d");
    assertThat(dir.resolve("root/a/b")).doesNotExist();
    assertThat(dir.resolve("root/a/x")).exists();
    provider.delete("a/x");
    assertThat(dir.resolve("root/a")).doesNotExist();
    assertThat(dir.resolve("root")).exists();
  }

  @Test
  void move_lastObjectOutOfADirectory_removesIt() {
    provider.write("staging/s/1", new ByteArrayInputStream(new byte[1]), WriteOptions.defaults());
    provider.move("staging/s/1", "final/1");
    assertThat(dir.resolve("root/staging")).doesNotExist();
  }

  private static void assertKind(Runnable call, ErrorKind kind) {
    assertThatThrownBy(call::run).isInstanceOfSatisfying(StockageException.class,
        e -> assertThat(e.kind()).isEqualTo(kind));
  }
}
