package io.stockage.examples.bench;

import io.stockage.provider.smb.SmbStorageProvider;
import io.stockage.testkit.smb.SambaFixture;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.CRC32C;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;
import java.util.zip.Checksum;

/**
 * Measures Stockage's {@link SmbStorageProvider} against smbj called directly, on the same share
 * of a Samba the benchmark starts: write and read of 1 MB, 64 MB and 256 MB files (MB/s).
 *
 * <p>Every run writes the file through one client, reads it back and deletes it, then does the
 * same through the other, the order alternating from one run to the next so that both share the
 * noise (an even number of measured runs, so each order counts as often). Warm-up runs come first;
 * the report gives the median of the measured ones, the provider/raw ratio, and whether the
 * provider reaches {@value SmbPlan#TARGET} of the raw rate.
 *
 * <p>Run it from the repository root with {@code ./mvnw -B -q -pl examples/bench -am verify
 * -DskipTests -Dbench}, which starts it with {@code -Xmx256m} after {@link S3Bench}.
 */
public final class SmbBench {
  private static final long SEED = 20_240_603L;
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  /** The provider's folder and raw smbj's, side by side at the root of the share. */
  private static final String PROVIDER_FOLDER = "provider";
  private static final String RAW_FOLDER = "raw";

  private final Path work;
  private final SmbTarget provider;
  private final RawSmbjTarget raw;

  private SmbBench(Path work, SmbTarget provider, RawSmbjTarget raw) {
    this.work = work;
    this.provider = provider;
    this.raw = raw;
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
    Path work = Files.createTempDirectory(base, "stockage-smb-bench-");
    try {
      run(work, SmbPlan.standard());
    } finally {
      PipelineBench.deleteTree(work);
    }
  }

  private static void run(Path work, List<SmbPlan> plans) throws IOException {
    long started = System.nanoTime();
    try (SambaFixture samba = SambaFixture.create()) {
      double startSeconds = (System.nanoTime() - started) / 1e9;
      try (SmbTarget provider = new SmbProviderTarget(provider(samba));
          RawSmbjTarget raw = RawSmbjTarget.open(samba, RAW_FOLDER, TIMEOUT)) {
        SmbReport.environment(samba, raw, startSeconds);
        SmbBench bench = new SmbBench(work, provider, raw);
        List<SmbResult> results = new ArrayList<>();
        for (SmbPlan plan : plans) {
          results.add(bench.measure(plan));
        }
        SmbReport.results(results, raw.leftovers(List.of(PROVIDER_FOLDER, RAW_FOLDER)),
            (System.nanoTime() - started) / 1e9);
      }
    }
  }

  /** The provider on its folder of the share, with the same timeout as the raw client. */
  private static SmbStorageProvider provider(SambaFixture samba) {
    return SmbStorageProvider.builder().host(samba.host()).port(samba.port()).share(samba.share())
        .username(samba.username()).password(samba.password()).path(PROVIDER_FOLDER).timeout(TIMEOUT).build();
  }

  private SmbResult measure(SmbPlan plan) throws IOException {
    long started = System.nanoTime();
    Path source = InputFiles.write(work.resolve("source-" + plan.slug()), plan.bytes(), SEED + plan.bytes());
    Run run = new Run(plan, source, crc(source));
    Map<SmbLeg, LegStats> stats = new EnumMap<>(SmbLeg.class);
    for (SmbLeg leg : SmbLeg.values()) {
      stats.put(leg, new LegStats());
    }
    Timings flush = new Timings();
    Timings rawWriteFlush = new Timings();
    for (int i = 0; i < plan.warmups() + plan.runs(); i++) {
      Samples samples = iterate(run, i);
      if (i >= plan.warmups()) {
        samples.legs().forEach((leg, sample) -> stats.get(leg).add(sample));
        flush.add(samples.flushNanos());
        rawWriteFlush.add(samples.legs().get(SmbLeg.RAW_WRITE).wallNanos() + samples.flushNanos());
      }
    }
    Files.delete(source);
    System.out.printf(Locale.ROOT, "measured %s: %d warm-up + %d runs in %.1f s%n",
        plan.label(), plan.warmups(), plan.runs(), (System.nanoTime() - started) / 1e9);
    return new SmbResult(plan, stats, flush, rawWriteFlush);
  }

  /**
   * One run: through each client in turn, write, read, then delete the file (not timed). Raw
   * smbj's file is FLUSHed before it is deleted, timed apart from its legs, to show what the
   * provider's FLUSH costs (and so that both clients leave the disk as busy). The provider goes
   * first on even runs, raw smbj on odd ones. The first run checks the content read back.
   */
  private Samples iterate(Run run, int index) throws IOException {
    List<SmbTarget> order = index % 2 == 0 ? List.of(provider, raw) : List.of(raw, provider);
    Map<SmbLeg, LegStats.Sample> samples = new EnumMap<>(SmbLeg.class);
    String name = run.plan().slug() + "-" + index;
    long flushNanos = 0;
    for (SmbTarget target : order) {
      samples.put(SmbLeg.of(target.provider(), true),
          timed(() -> target.write(name, run.source(), run.plan().bytes())));
      samples.put(SmbLeg.of(target.provider(), false), timed(() -> check(target, name, run, index)));
      if (!target.provider()) {
        long start = System.nanoTime();
        raw.flush(name);
        flushNanos = System.nanoTime() - start;
      }
      target.delete(name);
    }
    return new Samples(samples, flushNanos);
  }

  private static void check(SmbTarget target, String name, Run run, int index) throws IOException {
    Checksum crc = new CRC32C();
    OutputStream sink = index == 0 ? new CheckedOutputStream(OutputStream.nullOutputStream(), crc)
        : OutputStream.nullOutputStream();
    long read = target.read(name, sink);
    if (read != run.plan().bytes() || (index == 0 && crc.getValue() != run.crc())) {
      throw new IllegalStateException(name + ": read " + read + " bytes, CRC32C " + crc.getValue()
          + "; expected " + run.plan().bytes() + " bytes, CRC32C " + run.crc());
    }
  }

  /** Runs the leg, timing it, with this JVM's CPU time and smbd's. */
  private static LegStats.Sample timed(IoAction action) throws IOException {
    long gcCount = CpuClock.gcCount();
    long gcMillis = CpuClock.gcMillis();
    long server = CpuClock.server();
    long client = CpuClock.process();
    long start = System.nanoTime();
    action.run();
    long nanos = System.nanoTime() - start;
    client = CpuClock.process() - client;
    server = CpuClock.server() - server;
    return new LegStats.Sample(nanos, client, server, CpuClock.gcCount() - gcCount, CpuClock.gcMillis() - gcMillis);
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

  /** The legs of one run, and the FLUSH of raw smbj's file. */
  private record Samples(Map<SmbLeg, LegStats.Sample> legs, long flushNanos) {}

  /** What every run of a size moves: the source file, and its CRC32C to check reads against. */
  private record Run(SmbPlan plan, Path source, long crc) {}
}
