package io.stockage.core;

import io.stockage.ErrorKind;
import io.stockage.StockageException;
import io.stockage.spi.storage.StorageProvider;
import io.stockage.spi.storage.StorageProviderFactory;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * The providers on the class path by scheme ({@code fs}, {@code memory}, {@code s3}, {@code smb}),
 * for configuration by strings (Spring properties). Explicit construction
 * ({@code FileSystemProvider.create(root)}) needs none of this.
 */
public final class StorageProviders {
  private final Map<String, StorageProviderFactory> factories;

  private StorageProviders(Map<String, StorageProviderFactory> factories) {
    this.factories = factories;
  }

  /**
   * The factories {@link ServiceLoader} finds with the class loader.
   *
   * @throws StockageException {@code CONFIG_INVALID} when two factories claim the same scheme,
   *     naming both classes
   */
  public static StorageProviders load(ClassLoader loader) {
    Map<String, StorageProviderFactory> found = new TreeMap<>();
    for (StorageProviderFactory factory : ServiceLoader.load(StorageProviderFactory.class, loader)) {
      StorageProviderFactory other = found.putIfAbsent(factory.scheme(), factory);
      if (other != null && other.getClass() != factory.getClass()) {
        throw StockageException.of(ErrorKind.CONFIG_INVALID, "two storage providers claim scheme '"
            + factory.scheme() + "': " + other.getClass().getName() + " and " + factory.getClass().getName());
      }
    }
    return new StorageProviders(found);
  }

  /**
   * A provider of the scheme, configured by the properties.
   *
   * @throws StockageException {@code CONFIG_INVALID} for an unknown scheme, listing the known ones
   */
  public StorageProvider create(String scheme, Map<String, String> properties) {
    StorageProviderFactory factory = factories.get(scheme);
    if (factory == null) {
      throw StockageException.of(ErrorKind.CONFIG_INVALID, "no storage provider for scheme '" + scheme
          + "'; known: " + String.join(", ", factories.keySet())
          + " (add stockage-provider-s3 or stockage-provider-smb for s3 and smb)");
    }
    return factory.create(properties);
  }
}
