package io.stockage.examples.bench;

import io.stockage.Item;
import io.stockage.core.fs.FileSystemProvider;
import io.stockage.provider.s3.S3StorageProvider;
import io.stockage.spi.storage.StorageProvider;
import io.stockage.spi.storage.WriteOptions;
import io.stockage.testkit.PostgresFixture;
import io.stockage.testkit.TestDatabase;
import io.stockage.testkit.s3.S3Bucket;
import io.stockage.testkit.s3.S3MockFixture;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Small files through the whole pipeline: 4 KB uploads per second through Stockage (name and type
 * checks, hash, staging, intent, catalog commit with its revision, change, audit and index rows)
 * beside the same provider's bare writes of the same bytes, on the local disk and on S3Mock, in one
 * run. Every upload has content of its own (no deduplication).
 *
 * <p>Run it with the bench profile, or {@code java -cp ... SmallUploadsBench [work dir]}.
 */
public final class SmallUploadsBench {
  private static final int SIZE = 4096;
  // The JIT compiles the upload path over the first few hundred uploads (100 left the local row, run
  // first, ~1 ms a file slower than the same uploads after 1,000).
  private static final int WARMUP = 1000;
  private static final int COUNT = 500;

  private SmallUploadsBench() {}

  /**
   * Runs the benchmark and prints its table.
   *
   * @param args the directory to work in; the system's temporary directory by default
   */
  public static void main(String[] args) throws IOException {
    Path base = Files.createDirectories(Path.of(args.length > 0 ? args[0] : System.getProperty("java.io.tmpdir"))
        .toAbsolutePath());
    Path work = Files.createTempDirectory(base, "stockage-small-");
    List<List<String>> table = new ArrayList<>();
    table.add(List.of("store", "Stockage uploads/s", "p50 ms", "provider writes/s", "p50 ms", "ratio"));
    try (TestDatabase db = PostgresFixture.create()) {
      table.add(row("local disk", db, FileSystemProvider.create(Files.createDirectory(work.resolve("stockage"))),
          FileSystemProvider.create(Files.createDirectory(work.resolve("raw")))));
      try (S3MockFixture s3 = S3MockFixture.create()) {
        S3Bucket bucket = s3.freshBucket();
        table.add(row("S3Mock", db, s3(bucket, "stockage/"), s3(bucket, "raw/")));
      }
    } finally {
      PipelineBench.deleteTree(work);
    }
    System.out.println("Small uploads: 4 KB files through Stockage beside the provider's own writes");
    System.out.println();
    System.out.print(TextTable.format(table, 1));
    System.out.printf(Locale.ROOT, """

        %d uploads of %d bytes each way, after %d not counted, one after the other on one thread,
        the two legs taking turns to go first (the indexing worker, on as shipped, is busy after each
        upload); every file's bytes are its own (a well-formed PDF around random bytes). Stockage:
        files().upload with the size declared, through a PostgreSQL catalog (embedded, fsync off);
        content this small is hashed in memory and written once to its key. Provider: write() of
        the same bytes to a fresh key (the local disk forces each file; S3Mock gets one PUT).
        ratio: Stockage's uploads per second over the provider's writes per second.
        """, COUNT, SIZE, WARMUP);
  }

  private static S3StorageProvider s3(S3Bucket bucket, String prefix) {
    return S3StorageProvider.builder().endpoint(bucket.endpoint()).pathStyle(true).region(bucket.region())
        .credentials(bucket.accessKey(), bucket.secretKey()).bucket(bucket.name()).prefix(bucket.prefix() + prefix)
        .build();
  }

  private static List<String> row(String store, TestDatabase db, StorageProvider engineSide, StorageProvider raw) {
    SplittableRandom random = new SplittableRandom(4096);
    List<Long> ours = new ArrayList<>();
    List<Long> theirs = new ArrayList<>();
    try (StockageSide stockage = StockageSide.start(db, engineSide, 1 << 20)) {
      for (int i = 0; i < WARMUP + COUNT; i++) {
        byte[] ourBytes = content(random);
        byte[] theirBytes = content(random);
        String name = "small-" + i + ".pdf";
        // Each leg goes first every other time: the indexing worker, busy after an upload, weighs
        // on whichever leg follows.
        long theirTime = i % 2 == 1 ? timed(() -> raw.write("raw/" + name, new ByteArrayInputStream(theirBytes),
            WriteOptions.defaults().withLength(SIZE))) : 0;
        long start = System.nanoTime();
        Item item = stockage.upload(new ByteArrayInputStream(ourBytes), ourBytes.length, name);
        long ourTime = System.nanoTime() - start;
        if (i % 2 == 0) {
          theirTime = timed(() -> raw.write("raw/" + name, new ByteArrayInputStream(theirBytes),
              WriteOptions.defaults().withLength(SIZE)));
        }
        if (item.size() != SIZE) {
          throw new IllegalStateException("uploaded " + item.size() + " bytes");
        }
        if (i >= WARMUP) {
          ours.add(ourTime);
          theirs.add(theirTime);
        }
      }
    } finally {
      raw.close();
    }
    double ourRate = COUNT / (ours.stream().mapToLong(Long::longValue).sum() / 1e9);
    double theirRate = COUNT / (theirs.stream().mapToLong(Long::longValue).sum() / 1e9);
    return List.of(store, String.format(Locale.ROOT, "%.0f", ourRate), Percentiles.ms(Percentiles.of(ours, 50)),
        String.format(Locale.ROOT, "%.0f", theirRate), Percentiles.ms(Percentiles.of(theirs, 50)),
        String.format(Locale.ROOT, "%.2fx", ourRate / theirRate));
  }

  private static long timed(Runnable leg) {
    long start = System.nanoTime();
    leg.run();
    return System.nanoTime() - start;
  }

  private static byte[] content(SplittableRandom random) {
    return InputFiles.pdf(SIZE, random);
  }
}
