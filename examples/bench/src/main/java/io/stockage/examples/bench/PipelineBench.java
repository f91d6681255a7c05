package io.stockage.examples.bench;

import static io.stockage.examples.bench.Operation.COPY;
import static io.stockage.examples.bench.Operation.COPY_FSYNC;
import static io.stockage.examples.bench.Operation.DOWNLOAD;
import static io.stockage.examples.bench.Operation.UPLOAD;

import io.stockage.Item;
import io.stockage.testkit.PostgresFixture;
import io.stockage.testkit.TestDatabase;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Measures Stockage's upload and download throughput on the local file system (with a PostgreSQL
 * catalog) against {@code Files.copy} of the same files on the same disk, for files of 1 MB, 64 MB
 * and 512 MB, and the peak heap used by the 512 MB uploads.
 *
 * <p>Every iteration uploads the source file through Stockage, downloads it into a file, copies it
 * with {@code Files.copy}, then with {@code Files.copy} and {@code FileChannel.force(true)}, and
 * deletes what it wrote; the upload's content is purged and reconciled away so the next upload
 * stores its bytes again instead of deduplicating them. Warm-up iterations run first; the report
 * gives the median of the measured ones.
 *
 * <p>Run it from the repository root with {@code ./mvnw -B -q -pl examples/bench -am verify
 * -DskipTests -Dbench}, which starts it with {@code -Xmx256m}.
 */
public final class PipelineBench {
  private static final long SEED = 20_240_601L;

  private final Path input;
  private final Path output;
  private final StockageSide stockage;

  private PipelineBench(Path input, Path output, StockageSide stockage) {
    this.input = input;
    this.output = output;
    this.stockage = stockage;
  }

  /**
   * Runs the benchmark and prints its report to standard output.
   *
   * @param args the directory to work in (the storage root, sources and copies go into a new
   *     directory under it, removed at the end); the system's temporary directory by default
   * @throws IOException when a file cannot be written, read or deleted
   */
  public static void main(String[] args) throws IOException {
    Path base = Path.of(args.length > 0 ? args[0] : System.getProperty("java.io.tmpdir")).toAbsolutePath();
    Files.createDirectories(base);
    Path work = Files.createTempDirectory(base, "stockage-bench-");
    try {
      run(work, SizePlan.standard());
    } finally {
      deleteTree(work);
    }
  }

  private static void run(Path work, List<SizePlan> plans) throws IOException {
    Path input = Files.createDirectory(work.resolve("input"));
    Path output = Files.createDirectory(work.resolve("output"));
    Path storage = Files.createDirectory(work.resolve("storage"));
    printEnvironment(work);
    try (TestDatabase db = PostgresFixture.create();
        StockageSide stockage = StockageSide.start(db, storage, SizePlan.largest(plans))) {
      PipelineBench bench = new PipelineBench(input, output, stockage);
      List<SizeResult> results = new ArrayList<>();
      for (SizePlan plan : plans) {
        results.add(bench.measure(plan));
      }
      printReport(results);
    }
  }

  private SizeResult measure(SizePlan plan) throws IOException {
    long started = System.nanoTime();
    Path source = InputFiles.write(input, plan, SEED + plan.bytes());
    Map<Operation, Timings> timings = new EnumMap<>(Operation.class);
    for (Operation operation : Operation.values()) {
      timings.put(operation, new Timings());
    }
    HeapProbe.Use heap = HeapProbe.Use.NONE;
    for (int i = 0; i < plan.warmups() + plan.runs(); i++) {
      Sample sample = iterate(plan, source, i);
      if (i >= plan.warmups()) {
        sample.nanos().forEach((operation, nanos) -> timings.get(operation).add(nanos));
        heap = sample.heap().peakBytes() > heap.peakBytes() ? sample.heap() : heap;
      }
    }
    Files.delete(source);
    System.out.printf(Locale.ROOT, "measured %s: %d warm-up + %d runs in %.1f s%n",
        plan.label(), plan.warmups(), plan.runs(), (System.nanoTime() - started) / 1e9);
    return new SizeResult(plan, timings, heap);
  }

  /** One upload, download, copy and forced copy of the source; removes everything it wrote. */
  private Sample iterate(SizePlan plan, Path source, int index) throws IOException {
    String name = plan.slug() + "-" + index + ".pdf";
    Path target = output.resolve(name);
    Map<Operation, Long> nanos = new EnumMap<>(Operation.class);
    long heapBefore = plan.probeHeap() ? HeapProbe.reset() : -1;
    long start = System.nanoTime();
    Item item = stockage.upload(source, name);
    nanos.put(UPLOAD, System.nanoTime() - start);
    HeapProbe.Use heap = HeapProbe.Use.NONE;
    if (plan.probeHeap()) {
      heap = new HeapProbe.Use(heapBefore, HeapProbe.peakUsed());
    }
    check(item.size(), plan.bytes(), "uploaded");
    nanos.put(DOWNLOAD, timeWriting(target, plan.bytes(), () -> stockage.download(item.id(), target)));
    nanos.put(COPY, timeWriting(target, plan.bytes(), () -> Baseline.copy(source, target)));
    nanos.put(COPY_FSYNC, timeWriting(target, plan.bytes(), () -> Baseline.copyAndForce(source, target)));
    stockage.remove(item.id());
    return new Sample(nanos, heap);
  }

  /** Times an action writing {@code target}, checks the file's size, then deletes it. */
  private static long timeWriting(Path target, long expectedBytes, IoAction action) throws IOException {
    long start = System.nanoTime();
    action.run();
    long nanos = System.nanoTime() - start;
    check(Files.size(target), expectedBytes, target.getFileName().toString());
    Files.delete(target);
    return nanos;
  }

  private static void check(long actual, long expected, String what) {
    if (actual != expected) {
      throw new IllegalStateException(what + ": " + actual + " bytes instead of " + expected);
    }
  }

  private static void printEnvironment(Path work) throws IOException {
    FileStore store = Files.getFileStore(work);
    System.out.println("Stockage pipeline benchmark");
    System.out.printf("  JVM:       %s %s, arguments %s%n", System.getProperty("java.vm.name"),
        Runtime.version(), ManagementFactory.getRuntimeMXBean().getInputArguments());
    System.out.printf(Locale.ROOT, "  heap:      Runtime.maxMemory() = %.1f MB; collectors: %s%n",
        mb(Runtime.getRuntime().maxMemory()), HeapProbe.collectors());
    System.out.printf("  disk:      %s (%s, %s): sources, storage root and copies all on it%n",
        work, store.name(), store.type());
    System.out.printf("  catalog:   PostgreSQL from stockage-testkit (%s)%n",
        System.getenv(PostgresFixture.URL_ENV) == null
            ? "embedded server, run with fsync=off" : "external server from " + PostgresFixture.URL_ENV);
  }

  private static void printReport(List<SizeResult> results) {
    System.out.println();
    System.out.print(ResultTable.rates(results));
    System.out.println();
    System.out.print(ResultTable.times(results));
    System.out.println();
    System.out.println("""
        upload, download: through Stockage (FileSystemProvider on local disk + PostgreSQL catalog);
          upload reads a FileInputStream; download: open(), then the stream's transferTo(FileOutputStream)
          (the local disk's stream hands a copy into a file to the kernel, as Files.copy does).
        copy: Files.copy to a file on the same disk; copy+fsync: the same, then FileChannel.force(true).
        Stockage's FileSystemProvider fsyncs every write (FileChannel.force(true) before the atomic
          rename), so upload/copy+fsync is the like-for-like ratio; download and copy do not fsync.
        Sources were written and forced to disk just before, so reads come from the page cache.
        Each upload's content is deleted, purged and reconciled away after its iteration: no upload
          is deduplicated. runs = warm-up + measured; rates are from the median measured run;
          1 MB = 1,048,576 bytes.""");
    results.stream().filter(r -> r.plan().probeHeap()).forEach(PipelineBench::printHeap);
  }

  private static void printHeap(SizeResult result) {
    System.out.println();
    System.out.printf(Locale.ROOT, "Peak heap during the %s uploads: %.1f MB, of which %.1f MB was in use"
        + " before the upload began%n  (largest of %d measured uploads; sum of the heap pools' peak used,"
        + " reset after a GC before each upload)%n", result.plan().label(), mb(result.heap().peakBytes()),
        mb(result.heap().beforeBytes()), result.plan().runs());
    System.out.printf(Locale.ROOT, "Heap limit in force: Runtime.maxMemory() = %.1f MB, JVM arguments %s%n",
        mb(Runtime.getRuntime().maxMemory()), ManagementFactory.getRuntimeMXBean().getInputArguments());
  }

  private static double mb(long bytes) {
    return bytes / (double) SizePlan.MB;
  }

  /** Deletes the directory and everything in it. */
  static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  /** Something that writes a file. */
  @FunctionalInterface
  private interface IoAction {
    void run() throws IOException;
  }

  /** The durations of one iteration, and the heap around its upload when probed. */
  private record Sample(Map<Operation, Long> nanos, HeapProbe.Use heap) {}
}
