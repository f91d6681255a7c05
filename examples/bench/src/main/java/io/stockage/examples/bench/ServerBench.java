package io.stockage.examples.bench;

import static io.stockage.examples.bench.HttpLoad.concurrently;
import static io.stockage.examples.bench.HttpLoad.expect;
import static io.stockage.examples.bench.HttpLoad.time;
import static io.stockage.examples.bench.HttpLoad.uri;

import io.stockage.examples.bench.HttpLoad.Timed;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sample server's HTTP paths beside Debian's nginx on the same disk, in one run: one client
 * streaming a {@code PUT} and a {@code GET} of 64 MB and 512 MB; 16 concurrent uploaders beside 16
 * threads copying and forcing the same sizes to disk (the disk's fsync-bound rate); 64 concurrent
 * downloaders beside nginx serving the same sizes; then 64 concurrent 150 MB uploads to a server
 * limited to {@code -Xmx256m}, with its peak heap read from its GC log.
 *
 * <p>Run it with the bench profile ({@code ./mvnw -B -q -pl examples/bench -am verify -DskipTests
 * -Dbench}), or alone: {@code java -cp ... ServerBench <work dir> <server jar>}; nginx comes from
 * Debian ({@code apt-get install nginx-light}).
 */
public final class ServerBench {
  private static final long SEED = 20_261_208L;
  private static final int UPLOADERS = 16;
  private static final int DOWNLOADERS = 64;
  private static final int HEAVY_UPLOADS = 64;
  private static final long HEAVY_SIZE = 150 * SizePlan.MB;
  private static final Pattern GC_HEAP = Pattern.compile(" (\\d+)M->(\\d+)M\\(\\d+M\\)");

  private final Path input;
  private final SampleServerProcess server;
  private final HttpLoad load;
  private final NginxProcess nginx;
  private final List<List<String>> table = new ArrayList<>();

  private ServerBench(Path input, SampleServerProcess server, NginxProcess nginx) {
    this.input = input;
    this.server = server;
    this.load = new HttpLoad(server);
    this.nginx = nginx;
    table.add(List.of("leg", "size", "clients", "Stockage MB/s", "p95 ms", "baseline", "baseline MB/s", "p95 ms",
        "ratio"));
  }

  /**
   * Runs the benchmark and prints its report.
   *
   * @param args the directory to work in, then the sample server's jar
   */
  public static void main(String[] args) throws Exception {
    Path base = Files.createDirectories(Path.of(args[0]).toAbsolutePath());
    Path jar = Path.of(args[1]).toAbsolutePath();
    Path work = Files.createTempDirectory(base, "stockage-server-bench-");
    Path gcLog = work.resolve("server-gc.log");
    System.out.println("The sample server beside nginx");
    System.out.printf("  server: %s, -Xmx256m, G1, embedded defaults, indexing worker off; client: java.net.http"
        + " (HTTP/1.1) in this JVM%n  disk: %s (%s)%n", jar.getFileName(), work, Files.getFileStore(work).type());
    try (NginxProcess nginx = NginxProcess.start(Files.createDirectory(work.resolve("nginx")));
        SampleServerProcess server = SampleServerProcess.start(jar, work.resolve("server"),
            serverJvm(gcLog),
            List.of("--stockage.upload.max-size=" + (1L << 30), "--stockage.indexing.enabled=false"))) {
      ServerBench bench = new ServerBench(Files.createDirectory(work.resolve("input")), server, nginx);
      bench.singleStream(new SizePlan("64 MB", 64 * SizePlan.MB, 1, 5, false));
      bench.singleStream(new SizePlan("512 MB", 512 * SizePlan.MB, 1, 3, false));
      bench.concurrentUploads(new SizePlan("1 MB", SizePlan.MB, 0, 20, false));
      bench.concurrentUploads(new SizePlan("64 MB", 64 * SizePlan.MB, 0, 2, false));
      bench.concurrentDownloads(new SizePlan("1 MB", SizePlan.MB, 0, 20, false));
      bench.concurrentDownloads(new SizePlan("64 MB", 64 * SizePlan.MB, 0, 2, false));
      System.out.println();
      System.out.print(TextTable.format(bench.table, 3));
      bench.heavyUploads(gcLog);
    } finally {
      PipelineBench.deleteTree(work);
    }
    System.out.println("""

        single PUT: Stockage's PUT /api/v1/files/{id}/content (a new revision, Content-Length declared;
          hashed, checked, written and forced to disk, recorded) beside nginx's WebDAV PUT (the body
          buffered in a temporary file on the same disk, renamed; not forced). single GET: GET of the
          file's content beside nginx's GET of its copy (sendfile), the body discarded by the client.
        uploads x16: 16 clients each POST a multipart upload of a new file, in turn, the given number
          of times (one source file per client, so after its first upload a client's content is
          deduplicated: the bytes are still streamed, hashed and forced, then the staged object
          deleted instead of renamed); baseline: 16 threads each Files.copy + FileChannel.force the
          same sizes as many times: the disk's fsync-bound rate.
        downloads x64: 64 clients each GET the same file the given number of times, beside nginx.
        MB/s: bytes moved by all clients over the leg's wall time; p95: of single requests.
        ratio: Stockage's rate over the baseline's. 1 MB = 1,048,576 bytes.""");
  }

  /** The server's JVM options: its heap limit and GC log, then those of {@code -Dstockage.bench.server.jvm} (e.g. a profiler). */
  private static List<String> serverJvm(Path gcLog) {
    List<String> options = new ArrayList<>(List.of("-Xmx256m", "-Xlog:gc:file=" + gcLog));
    String extra = System.getProperty("stockage.bench.server.jvm", "").strip();
    if (!extra.isEmpty()) {
      options.addAll(List.of(extra.split("\\s+")));
    }
    return options;
  }

  private void singleStream(SizePlan plan) throws Exception {
    Path source = InputFiles.write(input, plan, SEED + plan.bytes());
    String id = load.create(source, "single-" + plan.slug() + ".pdf");
    List<Long> put = new ArrayList<>();
    List<Long> nginxPut = new ArrayList<>();
    List<Long> get = new ArrayList<>();
    List<Long> nginxGet = new ArrayList<>();
    URI content = uri(server.base(), "/api/v1/files/" + id + "/content");
    for (int i = 0; i < plan.warmups() + plan.runs(); i++) {
      String copy = "/single-" + i + ".pdf";
      long a = time(() -> expect(200, load.send(HttpRequest.newBuilder(content)
          .header("Authorization", server.basic("alice")).PUT(HttpRequest.BodyPublishers.ofFile(source)))));
      long b = time(() -> expect(201, load.send(HttpRequest.newBuilder(uri(nginx.base(), copy))
          .PUT(HttpRequest.BodyPublishers.ofFile(source)))));
      long c = time(() -> expect(200, load.send(HttpRequest.newBuilder(content)
          .header("Authorization", server.basic("alice")).GET())));
      long d = time(() -> expect(200, load.send(HttpRequest.newBuilder(uri(nginx.base(), copy)).GET())));
      expect(204, load.send(HttpRequest.newBuilder(uri(nginx.base(), copy)).DELETE()));
      if (i >= plan.warmups()) {
        put.add(a);
        nginxPut.add(b);
        get.add(c);
        nginxGet.add(d);
      }
    }
    Files.delete(source);
    row("single PUT", plan, 1, plan.bytes() * plan.runs(), sum(put), put, "nginx PUT", sum(nginxPut), nginxPut);
    row("single GET", plan, 1, plan.bytes() * plan.runs(), sum(get), get, "nginx GET", sum(nginxGet), nginxGet);
  }

  private void concurrentUploads(SizePlan plan) throws Exception {
    List<Path> sources = new ArrayList<>();
    for (int c = 0; c < UPLOADERS; c++) {
      sources.add(InputFiles.write(input.resolve("up-" + plan.slug() + "-" + c + ".pdf"), plan.bytes(), SEED + c));
    }
    Path copies = Files.createDirectory(input.resolve("copies-" + plan.slug()));
    Timed ours = concurrently(UPLOADERS, plan.runs(), (c, i) -> load.create(sources.get(c), "up-" + plan.slug() + "-" + c
        + "-" + i + ".pdf"));
    Timed disk = concurrently(UPLOADERS, plan.runs(), (c, i) -> {
      Path copy = copies.resolve(c + "-" + i);
      Baseline.copyAndForce(sources.get(c), copy);
      Files.delete(copy);
      return null;
    });
    for (Path source : sources) {
      Files.delete(source);
    }
    long bytes = plan.bytes() * UPLOADERS * plan.runs();
    row("uploads x16", plan, UPLOADERS, bytes, ours.wall(), ours.each(), "copy+fsync x16", disk.wall(),
        disk.each());
  }

  private void concurrentDownloads(SizePlan plan) throws Exception {
    Path source = InputFiles.write(input, plan, SEED + 7 * plan.bytes());
    String id = load.create(source, "down-" + plan.slug() + ".pdf");
    expect(201, load.send(HttpRequest.newBuilder(uri(nginx.base(), "/down-" + plan.slug() + ".pdf"))
        .PUT(HttpRequest.BodyPublishers.ofFile(source))));
    Files.delete(source);
    Timed ours = concurrently(DOWNLOADERS, plan.runs(), (c, i) -> load.download(id));
    Timed theirs = concurrently(DOWNLOADERS, plan.runs(), (c, i) -> expect(200, load.send(HttpRequest.newBuilder(
        uri(nginx.base(), "/down-" + plan.slug() + ".pdf")).GET())));
    long bytes = plan.bytes() * DOWNLOADERS * plan.runs();
    row("downloads x64", plan, DOWNLOADERS, bytes, ours.wall(), ours.each(), "nginx GET x64", theirs.wall(),
        theirs.each());
  }

  private void heavyUploads(Path gcLog) throws Exception {
    Path source = InputFiles.write(input.resolve("heavy.pdf"), HEAVY_SIZE, SEED);
    long logged = Files.size(gcLog);
    Timed heavy = concurrently(HEAVY_UPLOADS, 1, (c, i) -> load.create(source, "heavy-" + c + ".pdf"));
    Files.delete(source);
    String during = Files.readString(gcLog).substring((int) logged);
    System.out.printf(Locale.ROOT, "%n%d concurrent %d MB uploads to the server at -Xmx256m: all %d answered 201"
        + " in %.1f s (%.1f MB/s together, p95 %.0f ms);%n  the server's heap meanwhile (its GC log, %d"
        + " collections): at most %d MB in use before a collection, at most %d MB live after one%n", HEAVY_UPLOADS,
        HEAVY_SIZE / SizePlan.MB, HEAVY_UPLOADS, heavy.wall() / 1e9,
        HEAVY_SIZE * HEAVY_UPLOADS / (double) SizePlan.MB / (heavy.wall() / 1e9),
        Percentiles.of(heavy.each(), 95) / 1e6, count(during), peak(during, 1), peak(during, 2));
    during.lines().filter(line -> GC_HEAP.matcher(line).find()).forEach(line -> System.out.println("    " + line));
  }

  private void row(String leg, SizePlan plan, int clients, long bytes, long ourWall, List<Long> ours, String baseline,
      long theirWall, List<Long> theirs) {
    double our = bytes / (double) SizePlan.MB / (ourWall / 1e9);
    double their = bytes / (double) SizePlan.MB / (theirWall / 1e9);
    table.add(List.of(leg, plan.label(), Integer.toString(clients), String.format(Locale.ROOT, "%.1f", our),
        Percentiles.ms(Percentiles.of(ours, 95)), baseline, String.format(Locale.ROOT, "%.1f", their),
        Percentiles.ms(Percentiles.of(theirs, 95)), String.format(Locale.ROOT, "%.2fx", our / their)));
    System.out.printf("measured %s %s%n", leg, plan.label());
  }

  private static long sum(List<Long> nanos) {
    return nanos.stream().mapToLong(Long::longValue).sum();
  }

  /** The largest heap figure in {@code -Xlog:gc} lines: group 1 before a collection, 2 after it (MB). */
  private static long peak(String gcLog, int group) {
    Matcher m = GC_HEAP.matcher(gcLog);
    long peak = 0;
    while (m.find()) {
      peak = Math.max(peak, Long.parseLong(m.group(group)));
    }
    return peak;
  }

  private static long count(String gcLog) {
    return GC_HEAP.matcher(gcLog).results().count();
  }
}
