package io.stockage.examples.bench;

import io.stockage.provider.s3.S3StorageProvider;
import io.stockage.spi.storage.ObjectContent;
import io.stockage.spi.storage.WriteOptions;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The bucket through Stockage's {@link S3StorageProvider}, as the engine calls it. */
final class ProviderTarget implements S3Target {
  private final S3StorageProvider provider;

  ProviderTarget(S3StorageProvider provider) {
    this.provider = provider;
  }

  @Override
  public boolean provider() {
    return true;
  }

  @Override
  public void put(String key, Path source, long bytes) throws IOException {
    try (InputStream in = new FileInputStream(source.toFile())) {
      provider.write(key, in, WriteOptions.defaults().withLength(bytes));
    }
  }

  @Override
  public long get(String key, OutputStream sink) throws IOException {
    try (ObjectContent content = provider.read(key, Optional.empty())) {
      return content.stream().transferTo(sink);
    }
  }

  @Override
  public void delete(List<String> keys) {
    provider.deleteAll(keys);
  }
}
