package io.stockage.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stockage.ByteRange;
import io.stockage.ErrorKind;
import io.stockage.StockageException;
import io.stockage.spi.ObjectContent;
import io.stockage.spi.ObjectInfo;
import io.stockage.spi.ObjectPage;
import io.stockage.spi.StorageProvider;
import io.stockage.spi.WriteOptions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour core's own providers keep. The full conformance suites live in
 * {@code stockage-testkit}; this is the part the engine relies on.
 */
public abstract class ProviderContract {
  protected StorageProvider provider;

  protected abstract StorageProvider create();

  @BeforeEach
  void open() {
    provider = create();
  }

  @AfterEach
  void close() {
    provider.close();
  }

  protected static byte[] bytes(int size, long seed) {
    byte[] data = new byte[size];
    new Random(seed).nextBytes(data);
    return data;
  }

  protected static byte[] readAll(ObjectContent content) {
    try (content) {
      return content.stream().readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  protected void put(String key, byte[] data) {
    provider.write(key, new ByteArrayInputStream(data), WriteOptions.defaults());
  }

  @Test
  void write_thenRead_returnsSameBytes() {
    byte[] data = bytes(200_000, 1);
    ObjectInfo info = provider.write("a/b/c.bin", new ByteArrayInputStream(data), WriteOptions.defaults());
    assertThat(info.size()).isEqualTo(data.length);
    assertThat(readAll(provider.read("a/b/c.bin", Optional.empty()))).isEqualTo(data);
    assertThat(provider.stat("a/b/c.bin").size()).isEqualTo(data.length);
  }

  @Test
  void write_empty_readsEmpty() {
    put("empty", new byte[0]);
    assertThat(readAll(provider.read("empty", Optional.empty()))).isEmpty();
  }

  @Test
  void read_ranges_returnExactSlices() {
    byte[] data = bytes(10_000, 2);
    put("r", data);
    assertThat(readAll(provider.read("r", Optional.of(ByteRange.closed(0, 9))))).isEqualTo(Arrays.copyOfRange(data, 0, 10));
    assertThat(readAll(provider.read("r", Optional.of(ByteRange.closed(5000, 5099)))))
        .isEqualTo(Arrays.copyOfRange(data, 5000, 5100));
    assertThat(readAll(provider.read("r", Optional.of(ByteRange.from(9990))))).isEqualTo(Arrays.copyOfRange(data, 9990, 10_000));
    assertThat(readAll(provider.read("r", Optional.of(ByteRange.suffix(7))))).isEqualTo(Arrays.copyOfRange(data, 9993, 10_000));
    assertThat(readAll(provider.read("r", Optional.of(ByteRange.closed(9995, 20_000)))))
        .isEqualTo(Arrays.copyOfRange(data, 9995, 10_000));
  }

  @Test
  void read_rangePastEnd_isRangeNotSatisfiable() {
    put("r", bytes(100, 3));
    assertKind(() -> provider.read("r", Optional.of(ByteRange.from(100))), ErrorKind.RANGE_NOT_SATISFIABLE);
  }

  @Test
  void read_missing_isNotFound() {
    assertKind(() -> provider.read("missing", Optional.empty()), ErrorKind.NOT_FOUND);
    assertKind(() -> provider.stat("missing"), ErrorKind.NOT_FOUND);
  }

  @Test
  void delete_missing_succeeds() {
    provider.delete("never/written");
    put("x", bytes(1, 4));
    provider.delete("x");
    assertKind(() -> provider.stat("x"), ErrorKind.NOT_FOUND);
  }

  @Test
  void write_overwrite_replacesContent() {
    put("o", bytes(1000, 5));
    byte[] second = bytes(10, 6);
    put("o", second);
    assertThat(readAll(provider.read("o", Optional.empty()))).isEqualTo(second);
  }

  @Test
  void write_streamFails_leavesNothingAndPropagates() {
    StockageException failure = StockageException.of(ErrorKind.POLICY_VIOLATION, "stop");
    InputStream failing = new SequenceInputStream(new ByteArrayInputStream(bytes(50_000, 7)), new InputStream() {
      @Override
      public int read() {
        throw failure;
      }
    });
    assertThatThrownBy(() -> provider.write("dir/partial", failing, WriteOptions.defaults())).isSameAs(failure);
    assertKind(() -> provider.stat("dir/partial"), ErrorKind.NOT_FOUND);
    assertThat(provider.list("", Optional.empty(), 10).objects()).isEmpty();
  }

  @Test
  void list_pagesInKeyOrder_withPrefix() {
    List<String> keys = List.of("p/a", "p/b/c", "p/b/d", "p/e", "q/z", "p2/x");
    keys.forEach(k -> put(k, k.getBytes(StandardCharsets.UTF_8)));
    List<String> seen = new ArrayList<>();
    Optional<String> after = Optional.empty();
    do {
      ObjectPage page = provider.list("p/", after, 2);
      assertThat(page.objects()).hasSizeLessThanOrEqualTo(2);
      page.objects().forEach(o -> seen.add(o.key()));
      after = page.next();
    } while (after.isPresent());
    assertThat(seen).containsExactly("p/a", "p/b/c", "p/b/d", "p/e");
  }

  @Test
  void move_replacesTargetAndRemovesSource() {
    byte[] data = bytes(5000, 8);
    put("staging/1", data);
    put("final/k", bytes(10, 9));
    provider.move("staging/1", "final/k");
    assertThat(readAll(provider.read("final/k", Optional.empty()))).isEqualTo(data);
    assertKind(() -> provider.stat("staging/1"), ErrorKind.NOT_FOUND);
    assertKind(() -> provider.move("staging/1", "final/k"), ErrorKind.NOT_FOUND);
  }

  @Test
  void copy_keepsSource() {
    byte[] data = bytes(5000, 10);
    put("src", data);
    provider.copy("src", "dst");
    assertThat(readAll(provider.read("dst", Optional.empty()))).isEqualTo(data);
    assertThat(readAll(provider.read("src", Optional.empty()))).isEqualTo(data);
  }

  @Test
  void keys_escapingOrMalformed_areInvalid() {
    for (String key : List.of("../x", "a/../../x", "/abs", "a//b", "a/", "a\\b", "")) {
      assertKind(() -> provider.write(key, new ByteArrayInputStream(new byte[1]), WriteOptions.defaults()),
          ErrorKind.INVALID_ARGUMENT);
      assertKind(() -> provider.read(key, Optional.empty()), ErrorKind.INVALID_ARGUMENT);
    }
  }

  protected static void assertKind(Runnable call, ErrorKind kind) {
    assertThatThrownBy(call::run).isInstanceOfSatisfying(StockageException.class,
        e -> assertThat(e.kind()).isEqualTo(kind));
  }
}
