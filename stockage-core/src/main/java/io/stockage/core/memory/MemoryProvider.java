package io.stockage.core.memory;

import io.stockage.ByteRange;
import io.stockage.Capabilities;
import io.stockage.Capability;
import io.stockage.ErrorKind;
import io.stockage.Limits;
import io.stockage.StockageException;
import io.stockage.spi.storage.ObjectContent;
import io.stockage.spi.storage.ObjectInfo;
import io.stockage.spi.storage.ObjectKeys;
import io.stockage.spi.storage.ObjectPage;
import io.stockage.spi.storage.StorageProvider;
import io.stockage.spi.storage.WriteOptions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps objects in memory: for tests and for hosts that want a throw-away store. The one provider
 * that holds whole objects in memory, by design; objects are limited to 64 MiB each.
 */
public final class MemoryProvider implements StorageProvider {
  private static final int MAX_KEY_LENGTH = 1024;
  private static final long MAX_OBJECT_SIZE = 64L * 1024 * 1024;
  private static final Capabilities CAPABILITIES = Capabilities.of(
      Limits.of(MAX_OBJECT_SIZE, MAX_KEY_LENGTH),
      Capability.READ_RANGE, Capability.WRITE_ATOMIC, Capability.WRITE_CONDITIONAL,
      Capability.COPY_SERVER_SIDE, Capability.RENAME_ATOMIC, Capability.LIST_PAGED,
      Capability.WRITE_AT_OFFSET);

  private final ConcurrentSkipListMap<String, Stored> objects = new ConcurrentSkipListMap<>();
  private final AtomicLong versions = new AtomicLong();
  private final InstantSource clock;

  private MemoryProvider(InstantSource clock) {
    this.clock = clock;
  }

  /** An empty store on the system clock. */
  public static MemoryProvider create() {
    return new MemoryProvider(InstantSource.system());
  }

  /** An empty store whose modification times come from {@code clock}. */
  public static MemoryProvider create(InstantSource clock) {
    return new MemoryProvider(clock);
  }

  @Override
  public String scheme() {
    return "memory";
  }

  @Override
  public Capabilities capabilities() {
    return CAPABILITIES;
  }

  @Override
  public ObjectInfo stat(String key) {
    return find(key).info;
  }

  @Override
  public ObjectContent read(String key, Optional<ByteRange> range) {
    Stored stored = find(key);
    ByteRange.Slice slice = range.map(r -> r.resolve(stored.data.length))
        .orElse(ByteRange.Slice.whole(stored.data.length));
    InputStream in = new ByteArrayInputStream(stored.data, (int) slice.offset(), (int) slice.length());
    return new ObjectContent(stored.info, slice, in);
  }

  @Override
  public ObjectInfo write(String key, InputStream data, WriteOptions options) {
    ObjectKeys.check(key, MAX_KEY_LENGTH);
    byte[] bytes = readAll(key, data);
    ObjectInfo info = ObjectInfo.of(key, bytes.length, clock.instant(),
        Optional.of("v" + versions.incrementAndGet()));
    Stored fresh = new Stored(bytes, info);
    objects.compute(key, (k, current) -> {
      if (options.ifAbsent() && current != null) {
        throw StockageException.of(ErrorKind.ALREADY_EXISTS, "object exists: " + key);
      }
      if (options.ifMatch().isPresent()
          && (current == null || !current.info.etag().equals(options.ifMatch()))) {
        throw StockageException.of(ErrorKind.CONFLICT, "object changed: " + key);
      }
      return fresh;
    });
    return info;
  }

  @Override
  public long writeAt(String key, long offset, InputStream data) {
    ObjectKeys.check(key, MAX_KEY_LENGTH);
    byte[] head;
    if (offset == 0) {
      head = new byte[0];
    } else {
      byte[] held = find(key).data;
      if (offset > held.length) {
        throw StockageException.of(ErrorKind.INVALID_ARGUMENT, "offset " + offset + " is past the end of " + key);
      }
      head = java.util.Arrays.copyOf(held, (int) offset);
    }
    // Read whole before anything changes: a stream that fails leaves the object as it was.
    byte[] tail = readAll(key, data);
    byte[] joined = java.util.Arrays.copyOf(head, head.length + tail.length);
    System.arraycopy(tail, 0, joined, head.length, tail.length);
    if (joined.length > MAX_OBJECT_SIZE) {
      throw StockageException.of(ErrorKind.QUOTA_EXCEEDED, "the memory provider keeps objects up to "
          + MAX_OBJECT_SIZE + " bytes: " + key);
    }
    put(key, joined);
    return joined.length;
  }

  private void put(String key, byte[] bytes) {
    objects.put(key, new Stored(bytes, ObjectInfo.of(key, bytes.length, clock.instant(),
        Optional.of("v" + versions.incrementAndGet()))));
  }

  @Override
  public void delete(String key) {
    objects.remove(ObjectKeys.check(key, MAX_KEY_LENGTH));
  }

  @Override
  public ObjectPage list(String prefix, Optional<String> after, int limit) {
    ObjectKeys.checkPrefix(prefix, MAX_KEY_LENGTH);
    Map<String, Stored> tail = after.isPresent() ? objects.tailMap(after.get(), false) : objects.tailMap(prefix, true);
    List<ObjectInfo> page = new ArrayList<>();
    for (Map.Entry<String, Stored> e : tail.entrySet()) {
      if (!e.getKey().startsWith(prefix)) {
        if (e.getKey().compareTo(prefix) > 0) {
          break;
        }
        continue;
      }
      if (page.size() == limit) {
        return new ObjectPage(page, Optional.of(page.get(limit - 1).key()));
      }
      page.add(e.getValue().info);
    }
    return new ObjectPage(page, Optional.empty());
  }

  @Override
  public ObjectInfo copy(String source, String target) {
    Stored stored = find(source);
    return write(target, new ByteArrayInputStream(stored.data), WriteOptions.defaults());
  }

  @Override
  public ObjectInfo move(String source, String target) {
    Stored stored = find(source);
    if (source.equals(target)) {
      // Copy-then-delete would delete the object it just wrote.
      return stored.info;
    }
    ObjectInfo info = write(target, new ByteArrayInputStream(stored.data), WriteOptions.defaults());
    // Only what was moved: an object written to the source meanwhile stays.
    objects.remove(source, stored);
    return info;
  }

  @Override
  public void close() {
    objects.clear();
  }

  private Stored find(String key) {
    Stored stored = objects.get(ObjectKeys.check(key, MAX_KEY_LENGTH));
    if (stored == null) {
      throw StockageException.notFound("no object " + key);
    }
    return stored;
  }

  private static byte[] readAll(String key, InputStream data) {
    try {
      byte[] bytes = data.readNBytes((int) MAX_OBJECT_SIZE + 1);
      if (bytes.length > MAX_OBJECT_SIZE) {
        throw StockageException.of(ErrorKind.QUOTA_EXCEEDED,
            "the memory provider keeps objects up to " + MAX_OBJECT_SIZE + " bytes: " + key);
      }
      return bytes;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private record Stored(byte[] data, ObjectInfo info) {}
}
