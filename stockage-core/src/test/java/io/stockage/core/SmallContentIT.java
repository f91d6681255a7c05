package io.stockage.core;

import static io.stockage.core.EngineFixture.ALICE;
import static io.stockage.core.EngineFixture.BOB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stockage.ByteRange;
import io.stockage.ErrorKind;
import io.stockage.Item;
import io.stockage.Project;
import io.stockage.StockageException;
import io.stockage.Upload;
import io.stockage.spi.storage.ObjectContent;
import io.stockage.spi.storage.ObjectInfo;
import io.stockage.spi.storage.StorageProvider;
import io.stockage.spi.storage.WriteOptions;
import io.stockage.testkit.ForwardingStorageProvider;
import io.stockage.testkit.Samples;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Small content (1 MiB at most) is hashed in memory and written once, straight to its
 * content-addressed key; larger content, declared or not, is staged and moved.
 */
class SmallContentIT {
  private static final int MIB = 1 << 20;
  @TempDir
  static Path root;
  static EngineFixture fx;
  static final List<String> calls = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void start() {
    fx = EngineFixture.start(root, UnaryOperator.identity(), Recording::new, b -> { });
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  @BeforeEach
  void forget() {
    calls.clear();
  }

  @Test
  void upload_smallDeclared_isWrittenOnceToItsContentKey() throws IOException {
    Project project = fx.project();
    byte[] data = pdf(4096, 1);
    Item item = fx.engine.files().upload(BOB, Upload.of(project.slug(), "a.pdf", new ByteArrayInputStream(data))
        .withDeclaredSize(data.length));
    assertThat(storageCalls()).singleElement().asString().startsWith("write org_acme/blobs/sha256/");
    assertThat(read(item)).isEqualTo(data);
  }

  @Test
  void upload_identicalSmallContent_isNotWrittenAgain() throws IOException {
    Project project = fx.project();
    byte[] data = pdf(10_000, 2);
    fx.upload(BOB, project, "a.pdf", data);
    calls.clear();
    Item again = fx.upload(ALICE, project, "b.pdf", data);
    assertThat(storageCalls()).isEmpty();
    assertThat(read(again)).isEqualTo(data);
  }

  @Test
  void upload_undeclaredOfExactlyOneMebibyte_isHeld() throws IOException {
    Project project = fx.project();
    byte[] data = pdf(MIB, 3);
    Item item = fx.upload(BOB, project, "a.pdf", data);
    assertThat(storageCalls()).singleElement().asString().startsWith("write org_acme/blobs/");
    assertThat(read(item)).isEqualTo(data);
  }

  @Test
  void upload_undeclaredLarger_isStagedFromItsFirstBytesOn() throws IOException {
    Project project = fx.project();
    byte[] data = pdf(MIB + 1, 4);
    Item item = fx.upload(BOB, project, "a.pdf", data);
    assertThat(storageCalls()).hasSize(2);
    assertThat(storageCalls().get(0)).startsWith("write staging/");
    assertThat(storageCalls().get(1)).startsWith("move staging/").contains(" org_acme/blobs/");
    assertThat(read(item)).isEqualTo(data);
    assertThat(fx.objects("staging/")).isZero();
  }

  @Test
  void upload_declaredLarger_isStaged() throws IOException {
    Project project = fx.project();
    byte[] data = pdf(MIB + 10, 5);
    Item item = fx.engine.files().upload(BOB, Upload.of(project.slug(), "a.pdf", new ByteArrayInputStream(data))
        .withDeclaredSize(data.length));
    assertThat(storageCalls()).hasSize(2);
    assertThat(storageCalls().get(0)).startsWith("write staging/");
    assertThat(read(item)).isEqualTo(data);
  }

  @Test
  void upload_smallWithAWrongDeclaredSize_isInvalidAndStoresNothing() {
    Project project = fx.project();
    byte[] data = pdf(4096, 6);
    for (long declared : new long[] {4095, 4097, 100}) {
      assertThatThrownBy(() -> fx.engine.files().upload(BOB, Upload.of(project.slug(), "a.pdf",
          new ByteArrayInputStream(data)).withDeclaredSize(declared))).isInstanceOfSatisfying(StockageException.class,
          e -> assertThat(e.kind()).as("declared %d", declared).isEqualTo(ErrorKind.INVALID_ARGUMENT));
    }
    assertThat(storageCalls()).isEmpty();
    assertThat(fx.count("select count(*) from items where project_id = ?::uuid and type = 'FILE'",
        project.id().toString())).isZero();
  }

  @Test
  void upload_manySmallAtOnce_allStoredWhole() throws Exception {
    // More at once than the memory budget holds (every stream waits at its first read until all
    // are reading): 32 are held, the others staged; all arrive whole.
    Project project = fx.project();
    int count = 48;
    CountDownLatch reading = new CountDownLatch(count);
    byte[][] contents = new byte[count][];
    Thread[] threads = new Thread[count];
    Item[] items = new Item[count];
    for (int i = 0; i < count; i++) {
      contents[i] = pdf(MIB, 100 + i);
      int n = i;
      threads[i] = new Thread(() -> items[n] = fx.engine.files().upload(BOB, Upload.of(project.slug(), "f" + n + ".pdf",
          new TogetherStream(contents[n], reading)).withDeclaredSize(contents[n].length)));
      threads[i].start();
    }
    for (Thread t : threads) {
      t.join();
    }
    for (int i = 0; i < count; i++) {
      assertThat(items[i]).as("upload %d", i).isNotNull();
      assertThat(read(items[i])).as("content %d", i).isEqualTo(contents[i]);
    }
    assertThat(storageCalls().stream().filter(c -> c.startsWith("write staging/")).count())
        .as("staged past the budget").isEqualTo(count - 32);
    assertThat(fx.objects("staging/")).isZero();
  }

  private static List<String> storageCalls() {
    return calls.stream().filter(c -> !c.startsWith("read ") && !c.startsWith("stat ")).toList();
  }

  private static byte[] read(Item item) throws IOException {
    try (var content = fx.engine.files().open(ALICE, item.id())) {
      return content.stream().readAllBytes();
    }
  }

  private static byte[] pdf(int size, long seed) {
    byte[] head = Samples.pdf("small " + seed);
    byte[] all = Arrays.copyOf(head, size);
    byte[] tail = new byte[size - head.length];
    new Random(seed).nextBytes(tail);
    System.arraycopy(tail, 0, all, head.length, tail.length);
    return all;
  }

  /** Its first read waits until every stream of the latch has begun reading. */
  private static final class TogetherStream extends ByteArrayInputStream {
    private final CountDownLatch reading;
    private boolean started;

    TogetherStream(byte[] data, CountDownLatch reading) {
      super(data);
      this.reading = reading;
    }

    @Override
    public synchronized int read(byte[] b, int off, int len) {
      if (!started) {
        started = true;
        reading.countDown();
        try {
          if (!reading.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the other uploads never began reading");
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(e);
        }
      }
      return super.read(b, off, len);
    }
  }

  /** The disk provider, each call that stores, moves, deletes or reads written down. */
  private static final class Recording extends ForwardingStorageProvider {
    Recording(StorageProvider fs) {
      super(fs);
    }

    @Override
    public ObjectInfo stat(String key) {
      calls.add("stat " + key);
      return super.stat(key);
    }

    @Override
    public ObjectContent read(String key, Optional<ByteRange> range) {
      calls.add("read " + key);
      return super.read(key, range);
    }

    @Override
    public ObjectInfo write(String key, InputStream data, WriteOptions options) {
      calls.add("write " + key);
      return super.write(key, data, options);
    }

    @Override
    public void delete(String key) {
      calls.add("delete " + key);
      super.delete(key);
    }

    @Override
    public ObjectInfo move(String source, String target) {
      calls.add("move " + source + " " + target);
      return super.move(source, target);
    }

    @Override
    public ObjectInfo copy(String source, String target) {
      calls.add("copy " + source + " " + target);
      return super.copy(source, target);
    }
  }
}
