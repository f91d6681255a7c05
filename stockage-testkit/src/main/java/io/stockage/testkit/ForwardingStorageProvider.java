package io.stockage.testkit;

import io.stockage.ByteRange;
import io.stockage.Capabilities;
import io.stockage.spi.storage.DirectoryEntry;
import io.stockage.spi.storage.MultipartWrite;
import io.stockage.spi.storage.ObjectContent;
import io.stockage.spi.storage.ObjectInfo;
import io.stockage.spi.storage.ObjectPage;
import io.stockage.spi.storage.ObjectVersion;
import io.stockage.spi.storage.StorageProvider;
import io.stockage.spi.storage.WriteOptions;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A provider that passes every call to another: tests extend it and override the calls they
 * watch, count or break, so that a wrapper states only what it changes.
 */
public abstract class ForwardingStorageProvider implements StorageProvider {
  private final StorageProvider delegate;

  /** Forwards to {@code delegate}. */
  protected ForwardingStorageProvider(StorageProvider delegate) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
  }

  /** The provider the calls go to. */
  protected final StorageProvider delegate() {
    return delegate;
  }

  @Override
  public String scheme() {
    return delegate.scheme();
  }

  @Override
  public Capabilities capabilities() {
    return delegate.capabilities();
  }

  @Override
  public ObjectInfo stat(String key) {
    return delegate.stat(key);
  }

  @Override
  public ObjectContent read(String key, Optional<ByteRange> range) {
    return delegate.read(key, range);
  }

  @Override
  public ObjectInfo write(String key, InputStream data, WriteOptions options) {
    return delegate.write(key, data, options);
  }

  @Override
  public long writeAt(String key, long offset, InputStream data) {
    return delegate.writeAt(key, offset, data);
  }

  @Override
  public void delete(String key) {
    delegate.delete(key);
  }

  @Override
  public ObjectPage list(String prefix, Optional<String> after, int limit) {
    return delegate.list(prefix, after, limit);
  }

  @Override
  public ObjectInfo copy(String source, String target) {
    return delegate.copy(source, target);
  }

  @Override
  public ObjectInfo move(String source, String target) {
    return delegate.move(source, target);
  }

  @Override
  public URI presignRead(String key, Duration ttl, Optional<String> downloadName) {
    return delegate.presignRead(key, ttl, downloadName);
  }

  @Override
  public URI presignWrite(String key, Duration ttl) {
    return delegate.presignWrite(key, ttl);
  }

  @Override
  public List<ObjectVersion> versions(String key) {
    return delegate.versions(key);
  }

  @Override
  public ObjectContent readVersion(String key, String versionId, Optional<ByteRange> range) {
    return delegate.readVersion(key, versionId, range);
  }

  @Override
  public void deleteVersion(String key, String versionId) {
    delegate.deleteVersion(key, versionId);
  }

  @Override
  public MultipartWrite beginMultipart(String key, WriteOptions options) {
    return delegate.beginMultipart(key, options);
  }

  @Override
  public MultipartWrite resumeMultipart(String key, String uploadId) {
    return delegate.resumeMultipart(key, uploadId);
  }

  @Override
  public List<DirectoryEntry> listDirectory(String path) {
    return delegate.listDirectory(path);
  }

  @Override
  public Optional<AutoCloseable> watch(Runnable changed) {
    return delegate.watch(changed);
  }

  @Override
  public void createDirectory(String path) {
    delegate.createDirectory(path);
  }

  @Override
  public void deleteDirectory(String path) {
    delegate.deleteDirectory(path);
  }

  @Override
  public int abortIncompleteUploads(Instant initiatedBefore) {
    return delegate.abortIncompleteUploads(initiatedBefore);
  }

  @Override
  public void close() {
    delegate.close();
  }
}
