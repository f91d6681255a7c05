package io.stockage.testkit.conformance;

import io.stockage.ByteRange;
import io.stockage.Capabilities;
import io.stockage.Capability;
import io.stockage.ErrorKind;
import io.stockage.Limits;
import io.stockage.StockageException;
import io.stockage.spi.storage.MultipartWrite;
import io.stockage.spi.storage.ObjectContent;
import io.stockage.spi.storage.ObjectInfo;
import io.stockage.spi.storage.ObjectKeys;
import io.stockage.spi.storage.ObjectPage;
import io.stockage.spi.storage.ObjectVersion;
import io.stockage.spi.storage.StorageProvider;
import io.stockage.spi.storage.WriteOptions;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An in-memory provider declaring every capability the suites check (versions, multipart,
 * conditional writes, presigned URLs through {@link PresignServer}) so that the testkit's own
 * build runs every test of every suite; core's providers leave many of them to S3.
 * {@link #available} stands in for a server that can be stopped.
 */
final class ReferenceProvider implements StorageProvider {
  static final long MIN_PART = 64 * 1024;
  private static final int MAX_KEY = 1024;
  private static final Capabilities CAPABILITIES = Capabilities.of(
      new Limits(64L * 1024 * 1024, MIN_PART, 16L * 1024 * 1024, MAX_KEY),
      Capability.READ_RANGE, Capability.WRITE_ATOMIC, Capability.WRITE_CONDITIONAL, Capability.MULTIPART_UPLOAD,
      Capability.COPY_SERVER_SIDE, Capability.RENAME_ATOMIC, Capability.NATIVE_VERSIONING, Capability.PRESIGN_READ,
      Capability.PRESIGN_WRITE, Capability.LIST_PAGED);

  private final TreeMap<String, List<Version>> keys = new TreeMap<>();
  private final Map<String, Map<Integer, byte[]>> uploads = new HashMap<>();
  private final Map<String, String> uploadKeys = new HashMap<>();
  private final AtomicLong ids = new AtomicLong();
  private final PresignServer presign = new PresignServer(this);
  volatile boolean available = true;

  private record Version(String id, byte[] data, Instant modified, boolean marker) {
    ObjectInfo info(String key) {
      return new ObjectInfo(key, data.length, modified, Optional.of("\"" + id + "\""), Optional.of(id));
    }
  }

  @Override
  public String scheme() {
    return "reference";
  }

  @Override
  public Capabilities capabilities() {
    return CAPABILITIES;
  }

  @Override
  public synchronized ObjectInfo stat(String key) {
    return current(key).info(key);
  }

  @Override
  public ObjectContent read(String key, Optional<ByteRange> range) {
    Version v;
    synchronized (this) {
      v = current(key);
    }
    return content(key, v, range);
  }

  @Override
  public ObjectInfo write(String key, InputStream data, WriteOptions options) {
    check(key);
    byte[] bytes = readAll(data);
    synchronized (this) {
      Optional<Version> existing = latest(key).filter(v -> !v.marker());
      if (options.ifAbsent() && existing.isPresent()) {
        throw StockageException.of(ErrorKind.ALREADY_EXISTS, "exists: " + key);
      }
      if (options.ifMatch().isPresent()
          && !existing.map(v -> v.info(key).etag()).equals(Optional.of(options.ifMatch()))) {
        throw StockageException.of(ErrorKind.CONFLICT, "changed: " + key);
      }
      return add(key, bytes, false).info(key);
    }
  }

  @Override
  public synchronized void delete(String key) {
    check(key);
    if (latest(key).filter(v -> !v.marker()).isPresent()) {
      add(key, new byte[0], true);
    }
  }

  @Override
  public synchronized ObjectPage list(String prefix, Optional<String> after, int limit) {
    up();
    ObjectKeys.checkPrefix(prefix, MAX_KEY);
    List<ObjectInfo> page = new ArrayList<>();
    for (var e : keys.tailMap(after.orElse(prefix), after.isEmpty()).entrySet()) {
      Version v = e.getValue().get(e.getValue().size() - 1);
      if (!e.getKey().startsWith(prefix) || v.marker()) {
        continue;
      }
      if (page.size() == limit) {
        return new ObjectPage(page, Optional.of(page.get(limit - 1).key()));
      }
      page.add(v.info(e.getKey()));
    }
    return new ObjectPage(page, Optional.empty());
  }

  @Override
  public synchronized ObjectInfo copy(String source, String target) {
    check(target);
    return add(target, current(source).data(), false).info(target);
  }

  @Override
  public synchronized ObjectInfo move(String source, String target) {
    ObjectInfo info = source.equals(target) ? stat(source) : copy(source, target);
    if (!source.equals(target)) {
      delete(source);
    }
    return info;
  }

  @Override
  public URI presignRead(String key, Duration ttl, Optional<String> downloadName) {
    check(key);
    return presign.grant(key, ttl, false, downloadName);
  }

  @Override
  public URI presignWrite(String key, Duration ttl) {
    check(key);
    return presign.grant(key, ttl, true, Optional.empty());
  }

  @Override
  public synchronized List<ObjectVersion> versions(String key) {
    check(key);
    List<Version> all = keys.getOrDefault(key, List.of());
    List<ObjectVersion> out = new ArrayList<>();
    for (int i = all.size() - 1; i >= 0; i--) {
      Version v = all.get(i);
      out.add(new ObjectVersion(key, v.id(), v.data().length, v.modified(), i == all.size() - 1, v.marker()));
    }
    return out;
  }

  @Override
  public ObjectContent readVersion(String key, String versionId, Optional<ByteRange> range) {
    Version v;
    synchronized (this) {
      check(key);
      v = keys.getOrDefault(key, List.of()).stream().filter(x -> x.id().equals(versionId) && !x.marker())
          .findFirst().orElseThrow(() -> StockageException.notFound("no version " + versionId + " of " + key));
    }
    return content(key, v, range);
  }

  @Override
  public synchronized void deleteVersion(String key, String versionId) {
    check(key);
    List<Version> all = keys.get(key);
    if (all != null && all.removeIf(v -> v.id().equals(versionId)) && all.isEmpty()) {
      keys.remove(key);
    }
  }

  @Override
  public synchronized MultipartWrite beginMultipart(String key, WriteOptions options) {
    check(key);
    String id = "upload-" + ids.incrementAndGet();
    uploads.put(id, new TreeMap<>());
    uploadKeys.put(id, key);
    return new Upload(key, id);
  }

  @Override
  public synchronized MultipartWrite resumeMultipart(String key, String uploadId) {
    check(key);
    if (!key.equals(uploadKeys.get(uploadId)) || !uploads.containsKey(uploadId)) {
      throw StockageException.notFound("no upload " + uploadId);
    }
    return new Upload(key, uploadId);
  }

  @Override
  public void close() {
    presign.close();
  }

  /** The current bytes of the key, for a presigned GET. */
  synchronized Optional<byte[]> presignedGet(String key) {
    return latest(key).filter(v -> !v.marker()).map(Version::data);
  }

  /** Stores the bytes of a presigned PUT. */
  synchronized void presignedPut(String key, byte[] data) {
    add(key, data, false);
  }

  private Version add(String key, byte[] data, boolean marker) {
    Version v = new Version("v" + ids.incrementAndGet(), data, Instant.now(), marker);
    keys.computeIfAbsent(key, k -> new ArrayList<>()).add(v);
    return v;
  }

  private Optional<Version> latest(String key) {
    List<Version> all = keys.get(key);
    return all == null || all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
  }

  private Version current(String key) {
    check(key);
    return latest(key).filter(v -> !v.marker()).orElseThrow(() -> StockageException.notFound("no object " + key));
  }

  private void check(String key) {
    up();
    ObjectKeys.check(key, MAX_KEY);
  }

  private void up() {
    if (!available) {
      throw StockageException.of(ErrorKind.UNAVAILABLE, "the reference server is stopped");
    }
  }

  private static ObjectContent content(String key, Version v, Optional<ByteRange> range) {
    ByteRange.Slice slice = range.map(r -> r.resolve(v.data().length)).orElse(ByteRange.Slice.whole(v.data().length));
    return new ObjectContent(v.info(key), slice,
        new ByteArrayInputStream(v.data(), (int) slice.offset(), (int) slice.length()));
  }

  static byte[] readAll(InputStream data) {
    try {
      return data.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private final class Upload implements MultipartWrite {
    private final String key;
    private final String id;

    Upload(String key, String id) {
      this.key = key;
      this.id = id;
    }

    @Override
    public String key() {
      return key;
    }

    @Override
    public String uploadId() {
      return id;
    }

    @Override
    public PartInfo putPart(int number, InputStream data, long length) {
      byte[] bytes = readAll(data);
      if (bytes.length != length) {
        throw StockageException.of(ErrorKind.INVALID_ARGUMENT, "part of " + bytes.length + " bytes, declared " + length);
      }
      synchronized (ReferenceProvider.this) {
        parts(true).put(number, bytes);
      }
      return new PartInfo(number, "p" + number + "-" + bytes.length, length);
    }

    @Override
    public List<PartInfo> parts() {
      synchronized (ReferenceProvider.this) {
        return parts(true).entrySet().stream()
            .map(e -> new PartInfo(e.getKey(), "p" + e.getKey() + "-" + e.getValue().length, e.getValue().length)).toList();
      }
    }

    @Override
    public ObjectInfo complete(List<PartInfo> parts) {
      synchronized (ReferenceProvider.this) {
        Map<Integer, byte[]> written = parts(true);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        parts.stream().sorted(Comparator.comparingInt(PartInfo::number))
            .forEach(p -> out.writeBytes(written.get(p.number())));
        uploads.remove(id);
        uploadKeys.remove(id);
        return add(key, out.toByteArray(), false).info(key);
      }
    }

    @Override
    public void abort() {
      synchronized (ReferenceProvider.this) {
        up();
        uploads.remove(id);
        uploadKeys.remove(id);
      }
    }

    private Map<Integer, byte[]> parts(boolean mustExist) {
      up();
      Map<Integer, byte[]> parts = uploads.get(id);
      if (parts == null && mustExist) {
        throw StockageException.notFound("no upload " + id);
      }
      return parts;
    }
  }
}
