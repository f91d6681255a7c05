package io.stockage.testkit.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.stockage.ByteRange;
import io.stockage.Capability;
import io.stockage.ErrorKind;
import io.stockage.spi.storage.ObjectContent;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@code read}: whole objects, every shape of range (the bullets of
 * {@link io.stockage.spi.storage.StorageProvider#read}), random ranges against reference bytes, missing
 * keys, and streams that yield exactly their slice.
 */
public abstract class ReadConformance extends ConformanceSuite {
  private static final int SIZE = 10_000;

  /** For subclasses. */
  protected ReadConformance() {}

  @Test
  void read_whole_returnsEveryByte() {
    byte[] data = Bytes.random(SIZE, 1);
    String key = key("whole.bin");
    put(key, data);
    try (ObjectContent content = provider().read(key, Optional.empty())) {
      assertThat(content.info().key()).isEqualTo(key);
      assertThat(content.info().size()).isEqualTo(SIZE);
      assertThat(content.slice()).isEqualTo(ByteRange.Slice.whole(SIZE));
      Bytes.assertSame(readAll(content), data, "whole read");
    }
  }

  @Test
  void read_emptyObject_returnsNoBytes() {
    String key = key("empty");
    put(key, new byte[0]);
    assertThat(read(key)).isEmpty();
  }

  @Test
  void read_firstBytes_returnsThem() {
    checkRanges(ByteRange.closed(0, 0), ByteRange.closed(0, 9));
  }

  @Test
  void read_middleRange_returnsIt() {
    checkRanges(ByteRange.closed(4000, 5999), ByteRange.closed(SIZE / 2, SIZE / 2));
  }

  @Test
  void read_suffix_returnsLastBytes() {
    checkRanges(ByteRange.suffix(1), ByteRange.suffix(100), ByteRange.suffix(SIZE));
  }

  @Test
  void read_suffixLongerThanObject_returnsWholeObject() {
    checkRanges(ByteRange.suffix(SIZE + 1), ByteRange.suffix(1L << 40));
  }

  @Test
  void read_openEnded_returnsToTheEnd() {
    checkRanges(ByteRange.from(0), ByteRange.from(9000), ByteRange.from(SIZE - 1));
  }

  @Test
  void read_rangeReachingPastTheEnd_isCutAtTheEnd() {
    checkRanges(ByteRange.closed(9990, 20_000), ByteRange.closed(SIZE - 1, SIZE), ByteRange.closed(0, 1L << 40));
  }

  @Test
  void read_rangeStartingAtOrPastTheEnd_isRangeNotSatisfiable() {
    assumeSupports(Capability.READ_RANGE);
    String key = key("short.bin");
    put(key, Bytes.random(SIZE, 2));
    for (ByteRange range : new ByteRange[] {
        ByteRange.from(SIZE), ByteRange.closed(SIZE, SIZE + 10), ByteRange.from(SIZE + 1000)}) {
      assertFails(ErrorKind.RANGE_NOT_SATISFIABLE, () -> provider().read(key, Optional.of(range)));
    }
  }

  @Test
  void read_rangeOfEmptyObject_isRangeNotSatisfiable() {
    assumeSupports(Capability.READ_RANGE);
    String key = key("empty");
    put(key, new byte[0]);
    assertFails(ErrorKind.RANGE_NOT_SATISFIABLE, () -> provider().read(key, Optional.of(ByteRange.from(0))));
    assertFails(ErrorKind.RANGE_NOT_SATISFIABLE, () -> provider().read(key, Optional.of(ByteRange.suffix(1))));
  }

  @Test
  void read_randomRanges_matchReferenceBytes() {
    assumeSupports(Capability.READ_RANGE);
    int size = 1024 * 1024;
    byte[] data = Bytes.random(size, 3);
    String key = key("random-ranges.bin");
    put(key, data);
    Random random = new Random(20240611L);
    for (int i = 0; i < 50; i++) {
      long first = random.nextInt(size);
      ByteRange range = switch (random.nextInt(4)) {
        case 0 -> ByteRange.from(first);
        case 1 -> ByteRange.suffix(1 + random.nextInt(size + 10));
        case 2 -> ByteRange.closed(first, first + random.nextInt(16));
        default -> ByteRange.closed(first, first + random.nextInt(size));
      };
      checkRange(key, data, range);
    }
  }

  @Test
  void read_missingKey_isNotFound() {
    assertFails(ErrorKind.NOT_FOUND, () -> provider().read(key("missing"), Optional.empty()));
    if (supports(Capability.READ_RANGE)) {
      assertFails(ErrorKind.NOT_FOUND, () -> provider().read(key("missing"), Optional.of(ByteRange.closed(0, 9))));
    }
  }

  @Test
  void read_stream_yieldsExactlySliceLength() throws IOException {
    assumeSupports(Capability.READ_RANGE);
    String key = key("exact.bin");
    byte[] data = Bytes.random(SIZE, 4);
    put(key, data);
    try (ObjectContent content = provider().read(key, Optional.of(ByteRange.closed(100, 199)))) {
      assertThat(content.slice()).isEqualTo(new ByteRange.Slice(100, 100));
      assertThat(content.info().size()).as("info size is the whole object's").isEqualTo(SIZE);
      InputStream in = content.stream();
      byte[] seen = new byte[100];
      for (int i = 0; i < 100; i++) {
        int b = in.read();
        assertThat(b).as("byte %d of the slice", i).isNotNegative();
        seen[i] = (byte) b;
      }
      assertThat(in.read()).as("read after the slice").isEqualTo(-1);
      assertThat(in.read(new byte[10], 0, 10)).as("bulk read after the slice").isEqualTo(-1);
      Bytes.assertSame(seen, Arrays.copyOfRange(data, 100, 200), "byte-by-byte read");
    }
  }

  @Test
  void read_closedBeforeTheEnd_releasesItsResources() {
    String key = key("abandoned.bin");
    byte[] data = Bytes.random(256 * 1024, 5);
    put(key, data);
    // More reads than an HTTP client's default pool has connections (50 for the AWS SDK): a
    // provider that keeps a connection per abandoned stream stalls here.
    for (int i = 0; i < 64; i++) {
      try (ObjectContent content = provider().read(key, Optional.empty())) {
        assertThat(content.stream().read()).isEqualTo(data[0] & 0xff);
      } catch (IOException e) {
        throw new AssertionError(e);
      }
    }
    Bytes.assertSame(read(key), data, "read after abandoned reads");
  }

  @Test
  void read_rangeWithoutReadRange_isUnsupported() {
    assumeLacks(Capability.READ_RANGE);
    String key = key("no-range.bin");
    put(key, Bytes.random(100, 6));
    assertUnsupported(Capability.READ_RANGE, () -> provider().read(key, Optional.of(ByteRange.closed(0, 9))));
  }

  private void checkRanges(ByteRange... ranges) {
    assumeSupports(Capability.READ_RANGE);
    byte[] data = Bytes.random(SIZE, 7);
    String key = key("ranges.bin");
    put(key, data);
    for (ByteRange range : ranges) {
      checkRange(key, data, range);
    }
  }

  private void checkRange(String key, byte[] data, ByteRange range) {
    ByteRange.Slice expected = range.resolve(data.length);
    try (ObjectContent content = provider().read(key, Optional.of(range))) {
      assertThat(content.slice()).as("slice of %s", range).isEqualTo(expected);
      byte[] reference = Arrays.copyOfRange(data, (int) expected.offset(), (int) (expected.offset() + expected.length()));
      Bytes.assertSame(readAll(content), reference, "range " + range);
    }
  }
}
