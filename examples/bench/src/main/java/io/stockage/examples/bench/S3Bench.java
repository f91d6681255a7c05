package io.stockage.examples.bench;

import io.stockage.provider.s3.S3StorageProvider;
import io.stockage.testkit.s3.S3Bucket;
import io.stockage.testkit.s3.S3MockFixture;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.CRC32C;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;
import java.util.zip.Checksum;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Measures Stockage's {@link S3StorageProvider} against the AWS SDK for Java 2 called directly,
 * on the same bucket of an S3Mock the benchmark starts: PUT and GET of 1 MB, 64 MB and 512 MB
 * objects (MB/s), and of 500 objects of 4 KB (objects/s).
 *
 * <p>Every run puts the object(s) through one client, gets them back and deletes them, then does
 * the same through the other, the order alternating from one run to the next so that both share
 * the noise (an even number of measured runs, so each order counts as often). Warm-up runs come
 * first; the report gives the median of the measured ones, the
 * provider/raw ratio, and whether the provider reaches {@value S3Plan#TARGET} of the raw rate
 * from 64 MB up. The SDK calls each client makes are counted (see {@link RequestCounter}).
 *
 * <p>Run it from the repository root with {@code ./mvnw -B -q -pl examples/bench -am verify
 * -DskipTests -Dbench}, which starts it with {@code -Xmx256m} after {@link PipelineBench}.
 */
public final class S3Bench {
  private static final long SEED = 20_240_602L;
  /** Single PUT up to 64 MiB, so 1 MB and 64 MB are one PUT through both clients; 512 MB is multipart. */
  private static final RawSdkTarget.Sizes SIZES = new RawSdkTarget.Sizes(64 * SizePlan.MB, 8 * SizePlan.MB);

  private final Path work;
  private final List<S3Target> targets;

  private S3Bench(Path work, List<S3Target> targets) {
    this.work = work;
    this.targets = targets;
  }

  /**
   * Runs the benchmark and prints its report to standard output.
   *
   * @param args the directory to write the source files in (a new directory under it, removed at
   *     the end); the system's temporary directory by default
   * @throws IOException when a file cannot be written, read or deleted
   */
  public static void main(String[] args) throws IOException {
    Path base = Path.of(args.length > 0 ? args[0] : System.getProperty("java.io.tmpdir")).toAbsolutePath();
    Files.createDirectories(base);
    Path work = Files.createTempDirectory(base, "stockage-s3-bench-");
    try {
      run(work, S3Plan.standard());
    } finally {
      PipelineBench.deleteTree(work);
    }
  }

  private static void run(Path work, List<S3Plan> plans) throws IOException {
    long started = System.nanoTime();
    try (S3MockFixture s3 = S3MockFixture.create()) {
      S3Bucket bucket = s3.freshBucket();
      S3Report.environment(bucket, SIZES, (System.nanoTime() - started) / 1e9);
      try (S3StorageProvider provider = provider(bucket); S3Client raw = rawClient(bucket)) {
        S3Bench bench = new S3Bench(work, List.of(new ProviderTarget(provider),
            new RawSdkTarget(raw, bucket.name(), SIZES)));
        List<S3Result> results = new ArrayList<>();
        for (S3Plan plan : plans) {
          results.add(bench.measure(plan));
        }
        S3Report.results(results, S3Report.leftovers(raw, bucket.name()), (System.nanoTime() - started) / 1e9);
      }
    }
  }

  /** The provider on the bucket, with the part size and threshold the raw client mirrors. */
  private static S3StorageProvider provider(S3Bucket bucket) {
    return S3StorageProvider.builder().endpoint(bucket.endpoint()).pathStyle(true).region(bucket.region())
        .credentials(bucket.accessKey(), bucket.secretKey()).bucket(bucket.name()).prefix(bucket.prefix())
        .multipartThreshold(SIZES.multipartThreshold()).partSize(SIZES.partSize()).build();
  }

  /** A plain SDK client on the bucket's service, with the Apache 5 HTTP client as the provider has. */
  private static S3Client rawClient(S3Bucket bucket) {
    return S3Client.builder().endpointOverride(bucket.endpoint()).forcePathStyle(true)
        .region(Region.of(bucket.region())).httpClientBuilder(Apache5HttpClient.builder())
        .credentialsProvider(StaticCredentialsProvider.create(
            AwsBasicCredentials.create(bucket.accessKey(), bucket.secretKey())))
        .build();
  }

  private S3Result measure(S3Plan plan) throws IOException {
    long started = System.nanoTime();
    Path source = InputFiles.write(work.resolve("source-" + plan.slug()), plan.objectBytes(), SEED + plan.objectBytes());
    Run run = new Run(plan, source, crc(source));
    Map<S3Leg, LegStats> stats = new EnumMap<>(S3Leg.class);
    Map<S3Leg, Map<String, Long>> calls = new EnumMap<>(S3Leg.class);
    for (S3Leg leg : S3Leg.values()) {
      stats.put(leg, new LegStats());
    }
    for (int i = 0; i < plan.warmups() + plan.runs(); i++) {
      Map<S3Leg, Sample> samples = iterate(run, i);
      if (i >= plan.warmups()) {
        samples.forEach((leg, sample) -> {
          stats.get(leg).add(sample.stats());
          calls.put(leg, sample.calls());
        });
      }
    }
    Files.delete(source);
    System.out.printf(Locale.ROOT, "measured %s: %d warm-up + %d runs in %.1f s%n",
        plan.label(), plan.warmups(), plan.runs(), (System.nanoTime() - started) / 1e9);
    return new S3Result(plan, stats, calls);
  }

  /**
   * One run: through each client in turn, PUT, GET, then delete the objects, so that every leg
   * starts on an empty bucket (S3Mock's PUTs slow down as a bucket fills). The provider goes
   * first on even runs, the raw SDK on odd ones. The first run checks the content read back.
   */
  private Map<S3Leg, Sample> iterate(Run run, int index) throws IOException {
    List<S3Target> order = index % 2 == 0 ? targets : List.of(targets.get(1), targets.get(0));
    Map<S3Leg, Sample> samples = new EnumMap<>(S3Leg.class);
    for (S3Target target : order) {
      samples.put(target.provider() ? S3Leg.PROVIDER_PUT : S3Leg.RAW_PUT, timed(() -> putAll(target, run, index)));
      samples.put(target.provider() ? S3Leg.PROVIDER_GET : S3Leg.RAW_GET, timed(() -> getAll(target, run, index)));
      target.delete(keys(target, run.plan(), index));
    }
    return samples;
  }

  private static void putAll(S3Target target, Run run, int index) throws IOException {
    for (String key : keys(target, run.plan(), index)) {
      target.put(key, run.source(), run.plan().objectBytes());
    }
  }

  private static void getAll(S3Target target, Run run, int index) throws IOException {
    for (String key : keys(target, run.plan(), index)) {
      Checksum crc = new CRC32C();
      OutputStream sink = index == 0 ? new CheckedOutputStream(OutputStream.nullOutputStream(), crc)
          : OutputStream.nullOutputStream();
      long read = target.get(key, sink);
      if (read != run.plan().objectBytes() || (index == 0 && crc.getValue() != run.crc())) {
        throw new IllegalStateException(key + ": read " + read + " bytes, CRC32C " + crc.getValue()
            + "; expected " + run.plan().objectBytes() + " bytes, CRC32C " + run.crc());
      }
    }
  }

  private static List<String> keys(S3Target target, S3Plan plan, int index) {
    String prefix = plan.slug() + "/" + (target.provider() ? "provider" : "raw") + "/" + index + "/";
    List<String> keys = new ArrayList<>(plan.objects());
    for (int i = 0; i < plan.objects(); i++) {
      keys.add(prefix + i);
    }
    return keys;
  }

  /** Runs the leg, timing it and counting its SDK calls. */
  private static Sample timed(IoAction action) throws IOException {
    Map<String, Long> before = RequestCounter.snapshot();
    long gcCount = CpuClock.gcCount();
    long gcMillis = CpuClock.gcMillis();
    long server = CpuClock.server();
    long client = CpuClock.client();
    long start = System.nanoTime();
    action.run();
    long nanos = System.nanoTime() - start;
    client = CpuClock.client() - client;
    server = CpuClock.server() - server;
    return new Sample(new LegStats.Sample(nanos, client, server, CpuClock.gcCount() - gcCount,
        CpuClock.gcMillis() - gcMillis), RequestCounter.since(before));
  }

  private static long crc(Path file) throws IOException {
    try (CheckedInputStream in = new CheckedInputStream(Files.newInputStream(file), new CRC32C())) {
      in.transferTo(OutputStream.nullOutputStream());
      return in.getChecksum().getValue();
    }
  }

  /** One leg of a run. */
  @FunctionalInterface
  private interface IoAction {
    void run() throws IOException;
  }

  /** What every run of a size moves: the source file, and its CRC32C to check reads against. */
  private record Run(S3Plan plan, Path source, long crc) {}

  /** The times of one leg, and the SDK calls it made by operation. */
  private record Sample(LegStats.Sample stats, Map<String, Long> calls) {}
}
