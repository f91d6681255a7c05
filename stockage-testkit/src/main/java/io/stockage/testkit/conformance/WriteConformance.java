package io.stockage.testkit.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.stockage.Capability;
import io.stockage.ErrorKind;
import io.stockage.Limits;
import io.stockage.PolicyReason;
import io.stockage.StockageException;
import io.stockage.spi.storage.ObjectInfo;
import io.stockage.spi.storage.WriteOptions;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * {@code write}: sizes from empty to past the provider's part size, with and without a declared
 * length; overwrites; a failing source (the exception propagates, nothing is left); the source
 * read but not closed; atomic visibility under a concurrent reader; concurrent writes and deletes
 * in one folder. Conditional writes are in {@link ConditionalWriteConformance}.
 */
public abstract class WriteConformance extends ConformanceSuite {

  /** For subclasses. */
  protected WriteConformance() {}

  @Test
  void write_readsTheStreamToItsEndOnce_neverPastIt() {
    for (int size : new int[] {0, 10, 3 * 1024 * 1024 + 7}) {
      String key = key("once-" + size);
      byte[] data = Bytes.random(size, size);
      provider().write(key, new EndOnce(data), WriteOptions.defaults());
      Bytes.assertSame(read(key), data, "object written from a stream read once to its end");
      provider().write(key, new EndOnce(data), WriteOptions.defaults().withLength(size));
      Bytes.assertSame(read(key), data, "the same with its length declared");
    }
  }

  /**
   * A stream that fails a read after the one that reported its end, as a multipart part's does (the
   * container has moved on to the next part).
   */
  static final class EndOnce extends InputStream {
    private final byte[] data;
    private int at;
    private boolean ended;

    EndOnce(byte[] data) {
      this.data = data;
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (ended) {
        throw new IllegalStateException("read past the end of the stream");
      }
      if (len == 0) {
        return 0;
      }
      if (at == data.length) {
        ended = true;
        return -1;
      }
      int n = Math.min(len, data.length - at);
      System.arraycopy(data, at, b, off, n);
      at += n;
      return n;
    }
  }

  @Test
  void write_empty_storesEmptyObject() {
    String key = key("empty");
    ObjectInfo info = put(key, new byte[0]);
    assertThat(info.size()).isZero();
    assertThat(provider().stat(key).size()).isZero();
    assertThat(read(key)).isEmpty();
  }

  @Test
  void write_oneByte_storesIt() {
    String key = key("one");
    assertThat(put(key, new byte[] {42}).size()).isEqualTo(1);
    assertThat(read(key)).containsExactly(42);
  }

  @Test
  void write_aroundPartSizeWithLength_storesEveryByte() {
    for (int size : sizesAroundPartSize()) {
      checkRoundTrip(key("sized-" + size), size, true);
    }
  }

  @Test
  void write_aroundPartSizeWithoutLength_storesEveryByte() {
    for (int size : sizesAroundPartSize()) {
      checkRoundTrip(key("unsized-" + size), size, false);
    }
  }

  @Test
  void write_result_matchesStat() {
    String key = key("result.bin");
    ObjectInfo written = put(key, Bytes.random(1234, 1));
    ObjectInfo stat = provider().stat(key);
    assertThat(written.key()).isEqualTo(key);
    assertThat(stat.key()).isEqualTo(key);
    assertThat(written.size()).isEqualTo(1234);
    assertThat(stat.size()).isEqualTo(1234);
    assertThat(stat.etag()).isEqualTo(written.etag());
    assertThat(stat.versionId()).isEqualTo(written.versionId());
  }

  @Test
  void write_overwrite_replacesContentWhole() {
    String key = key("overwritten.bin");
    put(key, Bytes.random(10_000, 2));
    byte[] shorter = Bytes.random(10, 3);
    put(key, shorter);
    Bytes.assertSame(read(key), shorter, "after overwrite with fewer bytes");
    assertThat(provider().stat(key).size()).isEqualTo(10);
    byte[] longer = Bytes.random(20_000, 4);
    put(key, longer);
    Bytes.assertSame(read(key), longer, "after overwrite with more bytes");
  }

  @Test
  void write_sourceFailsAtOnce_propagatesAndLeavesNothing() {
    checkFailingSource(0, false);
  }

  @Test
  void write_sourceFailsMidway_propagatesAndLeavesNothing() {
    checkFailingSource(failurePoint(), false);
  }

  @Test
  void write_sourceFailsMidwayWithLength_propagatesAndLeavesNothing() {
    checkFailingSource(failurePoint(), true);
  }

  @Test
  void write_sourceFailsOverExistingObject_keepsItWhenAtomic() {
    assumeSupports(Capability.WRITE_ATOMIC);
    String key = key("kept.bin");
    byte[] old = Bytes.random(5000, 5);
    put(key, old);
    StockageException failure = StockageException.policy(PolicyReason.TOO_LARGE, "refused by the test source");
    Throwable thrown = catchThrowable(() -> provider().write(key,
        Bytes.failingAfter(Bytes.random(failurePoint(), 6), failure), WriteOptions.defaults()));
    assertThat(thrown).isSameAs(failure);
    Bytes.assertSame(read(key), old, "object after a failed overwrite");
  }

  @Test
  void write_source_isReadToTheEndButNotClosed() {
    byte[] data = Bytes.random(70_000, 7);
    CloseRecordingStream source = new CloseRecordingStream(data);
    provider().write(key("source.bin"), source, WriteOptions.defaults());
    assertThat(source.available()).as("bytes of the source left unread").isZero();
    assertThat(source.closed).as("source closed by the provider").isFalse();
  }

  @Test
  void write_concurrentReader_seesOldOrNewWhole() throws Exception {
    assumeSupports(Capability.WRITE_ATOMIC);
    String key = key("atomic.bin");
    byte[] a = Bytes.random(1024 * 1024, 8);
    byte[] b = Bytes.random(1024 * 1024 + 4096, 9);
    put(key, a);
    AtomicBoolean done = new AtomicBoolean();
    Concurrently.run(
        () -> {
          try {
            for (int i = 0; i < 12; i++) {
              put(key, i % 2 == 0 ? b : a);
            }
          } finally {
            done.set(true);
          }
        },
        () -> {
          do {
            byte[] seen = read(key);
            if (!Arrays.equals(seen, a) && !Arrays.equals(seen, b)) {
              throw new AssertionError("a reader saw neither version whole: " + Bytes.describe(seen) + ", versions are "
                  + Bytes.describe(a) + " and " + Bytes.describe(b));
            }
          } while (!done.get());
        });
  }

  @Test
  void write_concurrentWritesAndDeletesInOneFolder_allSucceed() throws Exception {
    String folder = key("shared/");
    byte[] data = Bytes.random(100, 10);
    List<Runnable> workers = new ArrayList<>();
    for (int t = 0; t < 2; t++) {
      String key = folder + "worker-" + t;
      workers.add(() -> {
        for (int i = 0; i < 200; i++) {
          put(key, data);
          Bytes.assertSame(read(key), data, key + " after write " + i);
          provider().delete(key);
        }
      });
    }
    Concurrently.run(workers.toArray(Runnable[]::new));
    assertThat(listKeys(folder, 1000)).isEmpty();
  }

  /** Object sizes to write: around the part size with {@code MULTIPART_UPLOAD}, else a few MiB. */
  private List<Integer> sizesAroundPartSize() {
    Limits limits = capabilities().limits();
    long min = limits.minPartSize();
    List<Long> sizes = supports(Capability.MULTIPART_UPLOAD) && min > 1
        ? List.of(min - 1, min, min + 1, 2 * min + 1)
        : List.of(3L * 1024 * 1024 + 1);
    return sizes.stream().filter(s -> s <= limits.maxObjectSize() && s < Integer.MAX_VALUE - 8)
        .map(Long::intValue).toList();
  }

  /** Where a failing source fails: past the first part when the provider writes in parts. */
  private int failurePoint() {
    long min = capabilities().limits().minPartSize();
    return supports(Capability.MULTIPART_UPLOAD) && min > 0 ? (int) min + 1024 : 256 * 1024;
  }

  private void checkRoundTrip(String key, int size, boolean declared) {
    byte[] data = Bytes.random(size, size);
    WriteOptions options = declared ? WriteOptions.defaults().withLength(size) : WriteOptions.defaults();
    ObjectInfo info = provider().write(key, new ByteArrayInputStream(data), options);
    assertThat(info.size()).as("size written for %d bytes", size).isEqualTo(size);
    assertThat(provider().stat(key).size()).as("size stat for %d bytes", size).isEqualTo(size);
    Bytes.assertSame(read(key), data, (declared ? "declared " : "undeclared ") + size + " bytes");
  }

  private void checkFailingSource(int bytesBeforeFailure, boolean declareLength) {
    String folder = key("failing/");
    String key = folder + "partial.bin";
    StockageException failure = StockageException.policy(PolicyReason.CONTENT_MISMATCH, "refused by the test source");
    InputStream source = Bytes.failingAfter(Bytes.random(bytesBeforeFailure, 11), failure);
    WriteOptions options = declareLength
        ? WriteOptions.defaults().withLength(bytesBeforeFailure + 1000L) : WriteOptions.defaults();
    Throwable thrown = catchThrowable(() -> provider().write(key, source, options));
    assertThat(thrown).as("exception from the write").isSameAs(failure);
    assertFails(ErrorKind.NOT_FOUND, () -> provider().stat(key));
    assertThat(listKeys(folder, 1000)).as("objects under %s", folder).isEmpty();
  }

  /** A source that records whether it was closed. */
  private static final class CloseRecordingStream extends ByteArrayInputStream {
    private volatile boolean closed;

    CloseRecordingStream(byte[] data) {
      super(data);
    }

    @Override
    public void close() {
      closed = true;
    }
  }
}
