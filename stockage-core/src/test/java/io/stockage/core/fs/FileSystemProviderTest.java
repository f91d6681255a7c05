package io.stockage.core.fs;

import static org.assertj.core.api.Assertions.assertThat;

import io.stockage.ErrorKind;
import io.stockage.core.ProviderContract;
import io.stockage.spi.StorageProvider;
import io.stockage.spi.WriteOptions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSystemProviderTest extends ProviderContract {
  @TempDir
  Path dir;

  @Override
  protected StorageProvider create() {
    return FileSystemProvider.create(dir.resolve("root"));
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
  void write_concurrentReaders_seeOldOrNewNeverAPrefix() throws Exception {
    byte[] a = bytes(4 * 1024 * 1024, 1);
    byte[] b = bytes(4 * 1024 * 1024, 2);
    put("atomic", a);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<?> writer = pool.submit(() -> {
        for (int i = 0; i < 10; i++) {
          put("atomic", i % 2 == 0 ? b : a);
        }
      });
      Future<?> reader = pool.submit(() -> {
        while (!writer.isDone()) {
          byte[] seen = readAll(provider.read("atomic", Optional.empty()));
          assertThat(Arrays.equals(seen, a) || Arrays.equals(seen, b)).isTrue();
        }
      });
      writer.get();
      reader.get();
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void write_failure_leavesNoTemporaryFile() throws IOException {
    InputStream failing = new InputStream() {
      @Override
      public int read() throws IOException {
        throw new IOException("client went away");
      }
    };
    assertKind(() -> provider.write("d/x", failing, WriteOptions.defaults()), ErrorKind.UNEXPECTED);
    try (Stream<Path> files = Files.walk(dir.resolve("root"))) {
      assertThat(files.filter(Files::isRegularFile)).isEmpty();
    }
  }

  @Test
  void delete_removesEmptyDirectories() {
    put("a/b/c/d", new byte[1]);
    provider.delete("a/b/c/d");
    assertThat(dir.resolve("root/a")).doesNotExist();
  }
}
