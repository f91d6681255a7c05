package io.stockage.core.memory;

import io.stockage.spi.storage.StorageProvider;
import io.stockage.spi.storage.StorageProviderFactory;
import java.util.Map;

/** Creates {@link MemoryProvider}s for scheme {@code memory}; it takes no property. */
public final class MemoryProviderFactory implements StorageProviderFactory {
  /** For {@link java.util.ServiceLoader}. */
  public MemoryProviderFactory() {}

  @Override
  public String scheme() {
    return "memory";
  }

  @Override
  public StorageProvider create(Map<String, String> properties) {
    return MemoryProvider.create();
  }
}
