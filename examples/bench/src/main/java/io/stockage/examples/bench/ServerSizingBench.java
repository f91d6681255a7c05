package io.stockage.examples.bench;

import static io.stockage.examples.bench.HttpLoad.concurrently;

import io.stockage.examples.bench.HttpLoad.Timed;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How the sample server's connection pool and request threads were sized: the same concurrent load
 * on the server's jar started with each size in turn — 64 clients downloading a 1 MB file and 16
 * clients uploading 1 MB files, the small requests where the catalog's share of the work is largest
 * — and the requests per second and p95 of each. The first configuration (the defaults) runs
 * again at the end: the difference between its two rows is the run's noise. The starter's default
 * pool size was chosen from its figures.
 *
 * <p>Run it alone: {@code java -cp ... ServerSizingBench <work dir> <server jar>}.
 */
public final class ServerSizingBench {
  private static final long SEED = 20_261_207L;
  private static final int DOWNLOADERS = 64;
  private static final int UPLOADERS = 16;
  private static final int TURNS = 10;

  /** The pool's size (0: the starter's default), then Tomcat's most request threads (its default: 200). */
  private record Sizing(int pool, int threads) {
    List<String> arguments() {
      List<String> arguments = new ArrayList<>(List.of("--server.tomcat.threads.max=" + threads));
      if (pool > 0) {
        arguments.add("--stockage.embedded-postgres.pool-size=" + pool);
      }
      return arguments;
    }

    String poolLabel() {
      return pool > 0 ? Integer.toString(pool) : "default (" + (2 * Runtime.getRuntime().availableProcessors() + 1) + ")";
    }
  }

  private static final List<Sizing> SIZINGS = List.of(new Sizing(0, 200), new Sizing(2, 200), new Sizing(10, 200),
      new Sizing(20, 200), new Sizing(40, 200), new Sizing(0, 16), new Sizing(0, 64), new Sizing(0, 200));

  private ServerSizingBench() {}

  /**
   * Runs the benchmark and prints its report.
   *
   * @param args the directory to work in, then the sample server's jar
   */
  public static void main(String[] args) throws Exception {
    Path base = Files.createDirectories(Path.of(args[0]).toAbsolutePath());
    Path jar = Path.of(args[1]).toAbsolutePath();
    Path work = Files.createTempDirectory(base, "stockage-sizing-bench-");
    System.out.println("The sample server's pool and request threads, sized from figures");
    System.out.printf("  server: %s, -Xmx256m, embedded defaults (indexing worker on); client: java.net.http"
        + " (HTTP/1.1) in this JVM; %d processors%n", jar.getFileName(), Runtime.getRuntime().availableProcessors());
    List<List<String>> table = new ArrayList<>();
    table.add(List.of("pool", "threads", "downloads/s", "p95 ms", "uploads/s", "p95 ms"));
    try {
      Path source = InputFiles.write(work.resolve("source.pdf"), SizePlan.MB, SEED);
      for (int n = 0; n < SIZINGS.size(); n++) {
        Sizing sizing = SIZINGS.get(n);
        try (SampleServerProcess server = SampleServerProcess.start(jar, work.resolve("server-" + n),
            List.of("-Xmx256m"), sizing.arguments())) {
          HttpLoad load = new HttpLoad(server);
          String id = load.create(source, "down.pdf");
          concurrently(DOWNLOADERS, 2, (c, i) -> load.download(id));
          Timed downloads = concurrently(DOWNLOADERS, TURNS, (c, i) -> load.download(id));
          Timed uploads = concurrently(UPLOADERS, TURNS, (c, i) -> load.create(source, "up-" + c + "-" + i + ".pdf"));
          table.add(List.of(sizing.poolLabel(), Integer.toString(sizing.threads()),
              rate(downloads), Percentiles.ms(Percentiles.of(downloads.each(), 95)),
              rate(uploads), Percentiles.ms(Percentiles.of(uploads.each(), 95))));
          System.out.printf("measured pool %s, threads %d%n", sizing.poolLabel(), sizing.threads());
        }
      }
    } finally {
      PipelineBench.deleteTree(work);
    }
    System.out.println();
    System.out.print(TextTable.format(table, 2));
    System.out.printf("""

        pool: stockage.embedded-postgres.pool-size (one connection of it listens for the change feed;
          default: twice the processors plus one); threads: server.tomcat.threads.max (default 200).
          Each row a fresh server on a fresh data directory.
        downloads/s: %d clients each GET the same 1 MB file %d times (after 2 turns of warm-up);
        uploads/s: then %d clients each POST %d multipart uploads of a 1 MB PDF (the same content: after
          the first, the bytes are streamed, hashed and forced, and the staged object deleted).
        p95: of single requests. The first and last rows are the same sizing: their difference is noise.
        """, DOWNLOADERS, TURNS, UPLOADERS, TURNS);
  }

  private static String rate(Timed leg) {
    return String.format(Locale.ROOT, "%.0f", leg.each().size() / (leg.wall() / 1e9));
  }
}
