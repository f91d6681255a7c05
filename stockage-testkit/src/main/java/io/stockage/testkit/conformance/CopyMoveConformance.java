package io.stockage.testkit.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.stockage.Capability;
import io.stockage.ErrorKind;
import io.stockage.spi.storage.ObjectInfo;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * {@code copy} and {@code move}: copy keeps the source, move removes it; both replace an existing
 * target, leave an object copied or moved onto itself as it was, and fail with {@code NOT_FOUND}
 * for a missing source without touching the target. With {@code RENAME_ATOMIC}, a reader of the
 * target sees the old or the new object whole while moves replace it.
 */
public abstract class CopyMoveConformance extends ConformanceSuite {

  /** For subclasses. */
  protected CopyMoveConformance() {}

  @Test
  void copy_existing_keepsSourceAndWritesTarget() {
    byte[] data = Bytes.random(50_000, 1);
    put(key("src"), data);
    ObjectInfo info = provider().copy(key("src"), key("copies/dst"));
    assertThat(info.key()).isEqualTo(key("copies/dst"));
    assertThat(info.size()).isEqualTo(data.length);
    Bytes.assertSame(read(key("copies/dst")), data, "copy");
    Bytes.assertSame(read(key("src")), data, "source after copy");
  }

  @Test
  void copy_ontoExisting_replacesTarget() {
    byte[] data = Bytes.random(300, 2);
    put(key("src"), data);
    put(key("dst"), Bytes.random(5000, 3));
    provider().copy(key("src"), key("dst"));
    Bytes.assertSame(read(key("dst")), data, "replaced target");
    assertThat(provider().stat(key("dst")).size()).isEqualTo(300);
  }

  @Test
  void copy_ontoItself_keepsTheObject() {
    byte[] data = Bytes.random(300, 4);
    put(key("self"), data);
    provider().copy(key("self"), key("self"));
    Bytes.assertSame(read(key("self")), data, "object copied onto itself");
  }

  @Test
  void copy_missingSource_isNotFoundAndLeavesTarget() {
    byte[] target = Bytes.random(10, 5);
    put(key("dst"), target);
    assertFails(ErrorKind.NOT_FOUND, () -> provider().copy(key("missing"), key("dst")));
    assertFails(ErrorKind.NOT_FOUND, () -> provider().copy(key("missing"), key("fresh")));
    Bytes.assertSame(read(key("dst")), target, "target after a failed copy");
    assertFails(ErrorKind.NOT_FOUND, () -> provider().stat(key("fresh")));
  }

  @Test
  void move_existing_removesSourceAndWritesTarget() {
    byte[] data = Bytes.random(50_000, 6);
    put(key("staging/src"), data);
    ObjectInfo info = provider().move(key("staging/src"), key("final/dst"));
    assertThat(info.key()).isEqualTo(key("final/dst"));
    assertThat(info.size()).isEqualTo(data.length);
    Bytes.assertSame(read(key("final/dst")), data, "moved object");
    assertFails(ErrorKind.NOT_FOUND, () -> provider().stat(key("staging/src")));
    assertThat(listKeys(root(), 1000)).containsExactly(key("final/dst"));
  }

  @Test
  void move_ontoExisting_replacesTarget() {
    byte[] data = Bytes.random(300, 7);
    put(key("src"), data);
    put(key("dst"), Bytes.random(5000, 8));
    provider().move(key("src"), key("dst"));
    Bytes.assertSame(read(key("dst")), data, "replaced target");
    assertFails(ErrorKind.NOT_FOUND, () -> provider().stat(key("src")));
  }

  @Test
  void move_ontoItself_keepsTheObject() {
    byte[] data = Bytes.random(300, 9);
    put(key("self"), data);
    provider().move(key("self"), key("self"));
    Bytes.assertSame(read(key("self")), data, "object moved onto itself");
  }

  @Test
  void move_missingSource_isNotFoundAndLeavesTarget() {
    byte[] target = Bytes.random(10, 10);
    put(key("dst"), target);
    assertFails(ErrorKind.NOT_FOUND, () -> provider().move(key("missing"), key("dst")));
    assertFails(ErrorKind.NOT_FOUND, () -> provider().move(key("missing"), key("fresh")));
    Bytes.assertSame(read(key("dst")), target, "target after a failed move");
    assertFails(ErrorKind.NOT_FOUND, () -> provider().stat(key("fresh")));
  }

  @Test
  void move_concurrentReaderOfTarget_seesOldOrNewWhole() throws Exception {
    assumeSupports(Capability.RENAME_ATOMIC);
    byte[] a = Bytes.random(512 * 1024, 11);
    byte[] b = Bytes.random(512 * 1024 + 100, 12);
    put(key("target"), a);
    AtomicBoolean done = new AtomicBoolean();
    Concurrently.run(
        () -> {
          try {
            for (int i = 0; i < 10; i++) {
              put(key("incoming"), i % 2 == 0 ? b : a);
              provider().move(key("incoming"), key("target"));
            }
          } finally {
            done.set(true);
          }
        },
        () -> {
          do {
            byte[] seen = read(key("target"));
            if (!Arrays.equals(seen, a) && !Arrays.equals(seen, b)) {
              throw new AssertionError("a reader of the target saw neither version whole: " + Bytes.describe(seen));
            }
          } while (!done.get());
        });
  }
}
