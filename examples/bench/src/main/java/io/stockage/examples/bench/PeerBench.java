package io.stockage.examples.bench;

import io.stockage.provider.s3.S3StorageProvider;
import io.stockage.testkit.PostgresFixture;
import io.stockage.testkit.TestDatabase;
import io.stockage.testkit.s3.S3Bucket;
import io.stockage.testkit.s3.S3MockFixture;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Stockage beside what a Java team would pick instead, on the same files, the same disk and the
 * same S3Mock, in one run: Spring Content ({@code spring-content-fs} with its JPA entity on the
 * same PostgreSQL, in a JVM of its own: it is built on another Spring generation), Apache OpenDAL
 * ({@code fs} and {@code s3} services) and Apache Commons VFS (local). Each iteration stores the
 * source file through every leg in turn, gets it back into a file, and removes it.
 *
 * <p>Run it from the repository root with {@code ./mvnw -B -q -pl examples/bench -am verify
 * -DskipTests -Dbench}; alone, with {@code java -Xmx2g -cp ... PeerBench <work dir> <Spring Content
 * jar>} once the modules are built (OpenDAL's calls hold a whole file in the heap).
 */
public final class PeerBench {
  private static final long SEED = 20_261_207L;

  private final Path input;
  private final Path output;

  private PeerBench(Path input, Path output) {
    this.input = input;
    this.output = output;
  }

  /**
   * Runs the benchmark and prints its report to standard output.
   *
   * @param args the directory to work in, then the Spring Content jar
   *     ({@code examples/bench-spring-content/target/stockage-bench-spring-content.jar})
   * @throws IOException when a file cannot be written, read or deleted
   */
  public static void main(String[] args) throws IOException {
    Path base = Path.of(args[0]).toAbsolutePath();
    Path springContent = Path.of(args[1]).toAbsolutePath();
    Files.createDirectories(base);
    Path work = Files.createTempDirectory(base, "stockage-peers-");
    try {
      run(work, springContent);
    } finally {
      PipelineBench.deleteTree(work);
    }
  }

  private static List<SizePlan> sizes() {
    return List.of(
        new SizePlan("1 MB", SizePlan.MB, 200, 30, false),
        new SizePlan("64 MB", 64 * SizePlan.MB, 1, 5, false),
        new SizePlan("512 MB", 512 * SizePlan.MB, 1, 3, false));
  }

  private static void run(Path work, Path springContentJar) throws IOException {
    PeerBench bench = new PeerBench(Files.createDirectory(work.resolve("input")),
        Files.createDirectory(work.resolve("output")));
    List<SizePlan> sizes = sizes();
    long largest = SizePlan.largest(sizes);
    System.out.println("Stockage beside its peers");
    System.out.printf("  JVM: %s %s, arguments %s%n", System.getProperty("java.vm.name"), Runtime.version(),
        ManagementFactory.getRuntimeMXBean().getInputArguments());
    System.out.printf("  disk: %s (%s)%n", work, Files.getFileStore(work).type());
    List<Row> rows = new ArrayList<>();
    try (TestDatabase db = PostgresFixture.create()) {
      try (PeerLeg stockage = new StockageLeg("Stockage fs",
              StockageSide.start(db, Files.createDirectory(work.resolve("stockage")), largest));
          PeerLeg springContent = SpringContentLeg.start(springContentJar, db, Files.createDirectory(work.resolve("spring-content")));
          PeerLeg openDal = OpenDalLeg.fs(Files.createDirectory(work.resolve("opendal")));
          PeerLeg vfs = new CommonsVfsLeg(Files.createDirectory(work.resolve("vfs")))) {
        rows.addAll(bench.measure("local disk", List.of(stockage, springContent, openDal, vfs), sizes));
      }
      try (S3MockFixture s3 = S3MockFixture.create()) {
        S3Bucket bucket = s3.freshBucket();
        S3StorageProvider provider = S3StorageProvider.builder().endpoint(bucket.endpoint()).pathStyle(true)
            .region(bucket.region()).credentials(bucket.accessKey(), bucket.secretKey()).bucket(bucket.name())
            .prefix(bucket.prefix() + "stockage/").build();
        try (PeerLeg stockage = new StockageLeg("Stockage s3", StockageSide.start(db, provider, largest));
            PeerLeg openDal = OpenDalLeg.s3(bucket.endpoint().toString(), bucket.region(), bucket.name(),
                "/" + bucket.prefix() + "opendal/", bucket.accessKey(), bucket.secretKey())) {
          rows.addAll(bench.measure("S3Mock", List.of(stockage, openDal), sizes));
        }
      }
    }
    printReport(rows);
  }

  private List<Row> measure(String store, List<PeerLeg> legs, List<SizePlan> sizes) throws IOException {
    List<Row> rows = new ArrayList<>();
    for (SizePlan plan : sizes) {
      long started = System.nanoTime();
      Path source = InputFiles.write(input, plan, SEED + plan.bytes());
      Map<PeerLeg, Timings> puts = new LinkedHashMap<>();
      Map<PeerLeg, Timings> gets = new LinkedHashMap<>();
      legs.forEach(leg -> {
        puts.put(leg, new Timings());
        gets.put(leg, new Timings());
      });
      for (int i = 0; i < plan.warmups() + plan.runs(); i++) {
        for (PeerLeg leg : legs) {
          String key = plan.slug() + "-" + i;
          Path target = output.resolve(key);
          long put = leg.store(source, key);
          long get = leg.fetch(key, target);
          if (Files.size(target) != plan.bytes()) {
            throw new IllegalStateException(leg.name() + " gave back " + Files.size(target) + " bytes instead of "
                + plan.bytes());
          }
          Files.delete(target);
          leg.remove(key);
          if (i >= plan.warmups()) {
            puts.get(leg).add(put);
            gets.get(leg).add(get);
          }
        }
      }
      Files.delete(source);
      System.out.printf(Locale.ROOT, "measured %s on %s: %d warm-up + %d runs of each leg in %.1f s%n", plan.label(),
          store, plan.warmups(), plan.runs(), (System.nanoTime() - started) / 1e9);
      Timings ourPut = puts.get(legs.get(0));
      Timings ourGet = gets.get(legs.get(0));
      for (PeerLeg leg : legs) {
        rows.add(new Row(store, plan, leg.name(), puts.get(leg), gets.get(leg), ourPut, ourGet));
      }
    }
    return rows;
  }

  private static void printReport(List<Row> rows) {
    List<List<String>> table = new ArrayList<>();
    table.add(List.of("store", "size", "leg", "put MB/s", "put ms", "get MB/s", "get ms", "Stockage/leg put",
        "Stockage/leg get"));
    for (Row row : rows) {
      long bytes = row.plan().bytes();
      table.add(List.of(row.store(), row.plan().label(), row.leg(), rate(row.put(), bytes), ms(row.put()),
          rate(row.get(), bytes), ms(row.get()), ratio(row.ourPut(), row.put(), bytes),
          ratio(row.ourGet(), row.get(), bytes)));
    }
    System.out.println();
    System.out.print(TextTable.format(table, 3));
    System.out.println("""

        What each leg does (every leg gets the same source file, read from the page cache, and writes
        the bytes it gets back into a file on the same disk):
          Stockage fs / s3: upload through the engine (name and type checks, SHA-256, content-addressed
            storage, a PostgreSQL catalog row, revision, change and audit rows, an index job; the local
            disk's object forced to disk and renamed), then open() and transferTo(FileOutputStream).
          Spring Content fs: ContentStore.setContent(entity, FileInputStream) then the JPA repository's
            save (one row in the same PostgreSQL); getContent(entity).transferTo(FileOutputStream).
            No hash, no type check, no fsync. In a JVM of its own (Spring Boot 3.4): its own timings.
          OpenDAL fs / s3: Operator.write(path, Files.readAllBytes(source)), Files.write(target,
            Operator.read(path)): the whole file in the heap (its streams move a byte per call into the
            native side). No catalog, no hash, no type check; the fs service does not force the file.
          Commons VFS: the local file's content output stream fed by Files.copy; its input stream's
            transferTo(FileOutputStream). No catalog, no hash, no fsync.
        Stockage/leg: Stockage's median rate over the leg's (>= 1.0x: Stockage is ahead). Legs run in
          turn within each iteration; medians of the measured runs; 1 MB = 1,048,576 bytes.""");
  }

  private static String rate(Timings timings, long bytes) {
    return String.format(Locale.ROOT, "%.1f", timings.mbPerSecond(bytes));
  }

  private static String ms(Timings timings) {
    return String.format(Locale.ROOT, "%.1f", timings.medianNanos() / 1e6);
  }

  private static String ratio(Timings ours, Timings theirs, long bytes) {
    return String.format(Locale.ROOT, "%.2fx", ours.mbPerSecond(bytes) / theirs.mbPerSecond(bytes));
  }

  /** One leg's figures at one size, with Stockage's on the same store to compare. */
  private record Row(String store, SizePlan plan, String leg, Timings put, Timings get, Timings ourPut,
      Timings ourGet) {}
}
