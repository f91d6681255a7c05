package io.stockage.spi.storage;

import java.util.Map;

/**
 * Creates providers from string configuration (Spring properties), found with
 * {@link java.util.ServiceLoader} by {@link #scheme()}. Explicit construction
 * ({@code FileSystemProvider.create(root)}) is the first way to plug a provider; this registry
 * exists only for configuration by strings.
 */
public interface StorageProviderFactory {

  /** The scheme this factory answers to; unique among the factories on the class path. */
  String scheme();

  /**
   * Creates a provider.
   *
   * @param properties the mount's properties, without the {@code stockage.mounts.<name>.} prefix
   * @throws io.stockage.StockageException {@code CONFIG_INVALID} naming the missing or bad property
   */
  StorageProvider create(Map<String, String> properties);
}
