package io.stockage.core.memory;

import static org.assertj.core.api.Assertions.assertThat;

import io.stockage.ErrorKind;
import io.stockage.core.ProviderContract;
import io.stockage.spi.StorageProvider;
import io.stockage.spi.WriteOptions;
import java.io.ByteArrayInputStream;
import org.junit.jupiter.api.Test;

class MemoryProviderTest extends ProviderContract {
  @Override
  protected StorageProvider create() {
    return MemoryProvider.create();
  }

  @Test
  void write_ifAbsentOnExisting_isAlreadyExists() {
    put("k", bytes(3, 1));
    assertKind(() -> provider.write("k", new ByteArrayInputStream(new byte[1]), WriteOptions.defaults().onlyIfAbsent()),
        ErrorKind.ALREADY_EXISTS);
  }

  @Test
  void write_ifMatch_replacesOnlyTheSeenVersion() {
    String etag = provider.write("k", new ByteArrayInputStream(new byte[1]), WriteOptions.defaults()).etag().orElseThrow();
    provider.write("k", new ByteArrayInputStream(new byte[2]), WriteOptions.defaults().onlyIfMatch(etag));
    assertKind(() -> provider.write("k", new ByteArrayInputStream(new byte[3]), WriteOptions.defaults().onlyIfMatch(etag)),
        ErrorKind.CONFLICT);
    assertThat(provider.stat("k").size()).isEqualTo(2);
  }
}
