package io.stockage.testkit.conformance;

import io.stockage.ByteRange;
import io.stockage.spi.storage.MultipartWrite;
import io.stockage.spi.storage.ObjectContent;
import io.stockage.spi.storage.ObjectInfo;
import io.stockage.spi.storage.StorageProvider;
import io.stockage.spi.storage.WriteOptions;
import io.stockage.testkit.ForwardingStorageProvider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The provider as the suites see it: every call goes to the provider under test, and on the way
 * it records each key that may have been written, each stream opened (with where it was opened)
 * and each multipart upload begun, so that the suite can clean up after a test and find leaks.
 */
final class TrackingProvider extends ForwardingStorageProvider {
  private final Set<String> written = ConcurrentHashMap.newKeySet();
  private final ConcurrentLinkedQueue<TrackedStream> streams = new ConcurrentLinkedQueue<>();
  private final Map<String, MultipartWrite> unfinished = new ConcurrentHashMap<>();

  TrackingProvider(StorageProvider delegate) {
    super(delegate);
  }

  /** The provider under test, for cleaning up without recording. */
  StorageProvider underTest() {
    return delegate();
  }

  /** The keys written since the last call, forgotten by this call. */
  List<String> takeWritten() {
    List<String> keys = new ArrayList<>(written);
    written.removeAll(keys);
    return keys;
  }

  /**
   * Closes the streams still open and returns where each was opened; forgets the closed ones.
   */
  List<Throwable> closeLeakedStreams() {
    List<Throwable> leaks = new ArrayList<>();
    TrackedStream s;
    while ((s = streams.poll()) != null) {
      if (!s.closed) {
        leaks.add(s.openedAt);
        try {
          s.close();
        } catch (IOException | RuntimeException e) {
          s.openedAt.addSuppressed(e);
        }
      }
    }
    return leaks;
  }

  /** The uploads begun or resumed and neither completed nor aborted since; forgets them. */
  List<MultipartWrite> takeUnfinishedUploads() {
    List<MultipartWrite> open = new ArrayList<>(unfinished.values());
    open.forEach(u -> unfinished.remove(u.uploadId()));
    return open;
  }

  @Override
  public ObjectContent read(String key, Optional<ByteRange> range) {
    return track(delegate().read(key, range));
  }

  @Override
  public ObjectInfo write(String key, InputStream data, WriteOptions options) {
    boolean added = written.add(key);
    try {
      return delegate().write(key, data, options);
    } catch (io.stockage.StockageException e) {
      if (added && (e.kind() == io.stockage.ErrorKind.POLICY_VIOLATION || e.kind() == io.stockage.ErrorKind.INVALID_ARGUMENT)) {
        // Nothing was there, and a refused write leaves nothing: an object found later is a leak.
        written.remove(key);
      }
      throw e;
    }
  }

  @Override
  public long writeAt(String key, long offset, InputStream data) {
    written.add(key);
    return delegate().writeAt(key, offset, data);
  }

  @Override
  public ObjectInfo copy(String source, String target) {
    written.add(target);
    return delegate().copy(source, target);
  }

  @Override
  public ObjectInfo move(String source, String target) {
    written.add(target);
    return delegate().move(source, target);
  }

  @Override
  public URI presignWrite(String key, Duration ttl) {
    written.add(key);
    return delegate().presignWrite(key, ttl);
  }

  @Override
  public ObjectContent readVersion(String key, String versionId, Optional<ByteRange> range) {
    return track(delegate().readVersion(key, versionId, range));
  }

  @Override
  public MultipartWrite beginMultipart(String key, WriteOptions options) {
    written.add(key);
    return track(delegate().beginMultipart(key, options));
  }

  @Override
  public MultipartWrite resumeMultipart(String key, String uploadId) {
    written.add(key);
    return track(delegate().resumeMultipart(key, uploadId));
  }

  /** Does not close the provider under test: the suite does, after its last test. */
  @Override
  public void close() {
    // The suite owns the provider's life.
  }

  private ObjectContent track(ObjectContent content) {
    TrackedStream stream = new TrackedStream(content.stream(), content.info().key());
    streams.add(stream);
    return new ObjectContent(content.info(), content.slice(), stream);
  }

  private MultipartWrite track(MultipartWrite upload) {
    unfinished.put(upload.uploadId(), upload);
    return new TrackedUpload(upload);
  }

  /** A stream that knows whether it was closed and where it was opened. */
  private static final class TrackedStream extends FilterInputStream {
    private final Throwable openedAt;
    private volatile boolean closed;

    TrackedStream(InputStream in, String key) {
      super(in);
      this.openedAt = new Throwable("stream of " + key + " opened here and never closed");
    }

    @Override
    public void close() throws IOException {
      closed = true;
      super.close();
    }
  }

  /** An upload that, once completed or aborted, is no longer counted as unfinished. */
  private final class TrackedUpload implements MultipartWrite {
    private final MultipartWrite delegate;

    TrackedUpload(MultipartWrite delegate) {
      this.delegate = delegate;
    }

    @Override
    public String key() {
      return delegate.key();
    }

    @Override
    public String uploadId() {
      return delegate.uploadId();
    }

    @Override
    public PartInfo putPart(int number, InputStream data, long length) {
      return delegate.putPart(number, data, length);
    }

    @Override
    public List<PartInfo> parts() {
      return delegate.parts();
    }

    @Override
    public ObjectInfo complete(List<PartInfo> parts) {
      ObjectInfo info = delegate.complete(parts);
      unfinished.remove(delegate.uploadId());
      return info;
    }

    @Override
    public void abort() {
      delegate.abort();
      unfinished.remove(delegate.uploadId());
    }
  }
}
