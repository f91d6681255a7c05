package io.stockage.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stockage.ErrorKind;
import io.stockage.StockageException;
import io.stockage.core.fs.FileSystemProvider;
import io.stockage.spi.storage.StorageProvider;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StorageProvidersTest {
  private final StorageProviders providers = StorageProviders.load(getClass().getClassLoader());

  @Test
  void create_fsWithRoot_isAFileSystemProvider(@TempDir Path dir) {
    try (StorageProvider provider = providers.create("fs", Map.of("root", dir.toString()))) {
      assertThat(provider).isInstanceOf(FileSystemProvider.class);
    }
  }

  @Test
  void create_fsWithoutRoot_isConfigInvalid() {
    assertThatThrownBy(() -> providers.create("fs", Map.of())).isInstanceOfSatisfying(StockageException.class,
        e -> {
          assertThat(e.kind()).isEqualTo(ErrorKind.CONFIG_INVALID);
          assertThat(e.getMessage()).contains("root");
        });
  }

  @Test
  void create_unknownScheme_listsTheKnownOnes() {
    assertThatThrownBy(() -> providers.create("ftp", Map.of())).isInstanceOfSatisfying(StockageException.class,
        e -> assertThat(e.getMessage()).contains("ftp").contains("fs, memory"));
  }
}
