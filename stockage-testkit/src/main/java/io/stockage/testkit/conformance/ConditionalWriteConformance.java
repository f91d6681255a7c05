package io.stockage.testkit.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.stockage.Capability;
import io.stockage.ErrorKind;
import io.stockage.StockageException;
import io.stockage.spi.storage.ObjectInfo;
import io.stockage.spi.storage.WriteOptions;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Conditional writes ({@link WriteOptions#onlyIfAbsent()}, {@link WriteOptions#onlyIfMatch}):
 * with {@code WRITE_CONDITIONAL} a create fails with {@code ALREADY_EXISTS} when the key exists
 * (and exactly one of concurrent creates wins), a replace fails with {@code CONFLICT} when the
 * etag is stale or the key missing; without it both fail with {@code UNSUPPORTED} and write
 * nothing.
 */
public abstract class ConditionalWriteConformance extends ConformanceSuite {

  /** For subclasses. */
  protected ConditionalWriteConformance() {}

  @Test
  void write_ifAbsentOnMissingKey_creates() {
    assumeSupports(Capability.WRITE_CONDITIONAL);
    String key = key("created");
    byte[] data = Bytes.random(100, 1);
    ObjectInfo info = write(key, data, WriteOptions.defaults().onlyIfAbsent());
    assertThat(info.size()).isEqualTo(100);
    Bytes.assertSame(read(key), data, "created object");
  }

  @Test
  void write_ifAbsentOnExistingKey_isAlreadyExistsAndKeepsContent() {
    assumeSupports(Capability.WRITE_CONDITIONAL);
    String key = key("existing");
    byte[] data = Bytes.random(100, 2);
    put(key, data);
    assertFails(ErrorKind.ALREADY_EXISTS, () -> write(key, Bytes.random(50, 3), WriteOptions.defaults().onlyIfAbsent()));
    Bytes.assertSame(read(key), data, "object after a refused create");
  }

  @Test
  void write_ifAbsentConcurrently_exactlyOneWins() throws Exception {
    assumeSupports(Capability.WRITE_CONDITIONAL);
    String key = key("raced");
    AtomicInteger created = new AtomicInteger();
    AtomicInteger refused = new AtomicInteger();
    List<Runnable> racers = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      byte[] data = Bytes.random(64 * 1024, 10 + i);
      racers.add(() -> {
        try {
          write(key, data, WriteOptions.defaults().onlyIfAbsent());
          created.incrementAndGet();
        } catch (StockageException e) {
          if (e.kind() != ErrorKind.ALREADY_EXISTS) {
            throw e;
          }
          refused.incrementAndGet();
        }
      });
    }
    Concurrently.run(racers.toArray(Runnable[]::new));
    assertThat(created.get()).as("creates that succeeded").isEqualTo(1);
    assertThat(refused.get()).as("creates refused with ALREADY_EXISTS").isEqualTo(3);
  }

  @Test
  void write_ifMatchCurrentEtag_replaces() {
    assumeSupports(Capability.WRITE_CONDITIONAL);
    String key = key("matched");
    ObjectInfo first = put(key, Bytes.random(100, 4));
    assertThat(first.etag()).as("etag of a provider with WRITE_CONDITIONAL").isPresent();
    byte[] second = Bytes.random(200, 5);
    ObjectInfo replaced = write(key, second, WriteOptions.defaults().onlyIfMatch(first.etag().orElseThrow()));
    assertThat(replaced.etag()).isPresent().isNotEqualTo(first.etag());
    Bytes.assertSame(read(key), second, "replaced object");
  }

  @Test
  void write_ifMatchStaleEtag_isConflictAndKeepsContent() {
    assumeSupports(Capability.WRITE_CONDITIONAL);
    String key = key("stale");
    String stale = put(key, Bytes.random(100, 6)).etag().orElseThrow();
    byte[] current = Bytes.random(300, 7);
    put(key, current);
    assertFails(ErrorKind.CONFLICT, () -> write(key, Bytes.random(10, 8), WriteOptions.defaults().onlyIfMatch(stale)));
    Bytes.assertSame(read(key), current, "object after a refused replace");
  }

  @Test
  void write_ifMatchOnMissingKey_isConflict() {
    assumeSupports(Capability.WRITE_CONDITIONAL);
    String other = put(key("other"), Bytes.random(10, 9)).etag().orElseThrow();
    String key = key("never-written");
    assertFails(ErrorKind.CONFLICT, () -> write(key, Bytes.random(10, 10), WriteOptions.defaults().onlyIfMatch(other)));
    assertFails(ErrorKind.NOT_FOUND, () -> provider().stat(key));
  }

  @Test
  void write_conditionalWithoutWriteConditional_isUnsupportedAndWritesNothing() {
    assumeLacks(Capability.WRITE_CONDITIONAL);
    String fresh = key("fresh");
    assertUnsupported(Capability.WRITE_CONDITIONAL,
        () -> write(fresh, Bytes.random(10, 11), WriteOptions.defaults().onlyIfAbsent()));
    assertFails(ErrorKind.NOT_FOUND, () -> provider().stat(fresh));
    String existing = key("existing");
    byte[] data = Bytes.random(10, 12);
    ObjectInfo info = put(existing, data);
    String etag = info.etag().orElse("\"any\"");
    assertUnsupported(Capability.WRITE_CONDITIONAL,
        () -> write(existing, Bytes.random(20, 13), WriteOptions.defaults().onlyIfMatch(etag)));
    assertUnsupported(Capability.WRITE_CONDITIONAL,
        () -> write(existing, Bytes.random(20, 14), WriteOptions.defaults().onlyIfAbsent()));
    Bytes.assertSame(read(existing), data, "object after refused conditional writes");
  }

  private ObjectInfo write(String key, byte[] data, WriteOptions options) {
    return provider().write(key, new ByteArrayInputStream(data), options.withLength(data.length));
  }
}
