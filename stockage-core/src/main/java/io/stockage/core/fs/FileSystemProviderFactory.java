package io.stockage.core.fs;

import io.stockage.ErrorKind;
import io.stockage.StockageException;
import io.stockage.spi.storage.StorageProvider;
import io.stockage.spi.storage.StorageProviderFactory;
import java.nio.file.Path;
import java.util.Map;

/**
 * Creates {@link FileSystemProvider}s for scheme {@code fs}: property {@code root} is required;
 * {@code prune-empty-directories} ({@code true} by default) should be {@code false} for a live mount.
 */
public final class FileSystemProviderFactory implements StorageProviderFactory {
  /** For {@link java.util.ServiceLoader}. */
  public FileSystemProviderFactory() {}

  @Override
  public String scheme() {
    return "fs";
  }

  @Override
  public StorageProvider create(Map<String, String> properties) {
    String root = properties.get("root");
    if (root == null || root.isBlank()) {
      throw StockageException.of(ErrorKind.CONFIG_INVALID, "an fs mount needs the property 'root'");
    }
    // A live mount on a folder keeps its users' empty directories: prune-empty-directories=false.
    boolean prune = !"false".equalsIgnoreCase(properties.getOrDefault("prune-empty-directories", "true").trim());
    return FileSystemProvider.create(Path.of(root), prune);
  }
}
