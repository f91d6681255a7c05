package io.stockage.examples.bench;

import io.stockage.provider.smb.SmbStorageProvider;
import io.stockage.spi.storage.ObjectContent;
import io.stockage.spi.storage.WriteOptions;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Optional;

/** The share through Stockage's {@link SmbStorageProvider}, as the engine calls it. */
final class SmbProviderTarget implements SmbTarget {
  private final SmbStorageProvider provider;

  SmbProviderTarget(SmbStorageProvider provider) {
    this.provider = provider;
  }

  @Override
  public boolean provider() {
    return true;
  }

  @Override
  public void write(String name, Path source, long bytes) throws IOException {
    try (InputStream in = new FileInputStream(source.toFile())) {
      provider.write(name, in, WriteOptions.defaults().withLength(bytes));
    }
  }

  @Override
  public long read(String name, OutputStream sink) throws IOException {
    try (ObjectContent content = provider.read(name, Optional.empty())) {
      return content.stream().transferTo(sink);
    }
  }

  @Override
  public void delete(String name) {
    provider.delete(name);
  }

  @Override
  public void close() {
    provider.close();
  }
}
