package io.stockage.examples.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resumable uploads, side by side on the same disk with the same client: tus-js-client (Node)
 * uploading one large file in 8 MiB chunks to the sample server's tus endpoint and to the reference
 * Node server ({@code @tus/server} with {@code @tus/file-store}), and the same file as one plain
 * streamed {@code PUT} to the sample server. Prints MB/s (median of the runs) and the ratios.
 */
public final class TusBench {
  private static final long SIZE = Long.getLong("stockage.bench.tus.mib", 1024) << 20;
  private static final int RUNS = Integer.getInteger("stockage.bench.tus.runs", 3);
  private static final int CHUNK = 8 << 20;
  private static final Pattern MILLIS = Pattern.compile("\"millis\":([0-9.]+)");

  private TusBench() {}

  /**
   * Runs the benchmark.
   *
   * @param args the directory to work in, the server jar, the directory of the Node peers
   * @throws Exception when the set-up fails
   */
  public static void main(String[] args) throws Exception {
    Path base = Files.createDirectories(Path.of(args[0]).toAbsolutePath());
    Path jar = Path.of(args[1]).toAbsolutePath();
    Path node = Path.of(args[2]).toAbsolutePath();
    Path work = Files.createTempDirectory(base, "stockage-tus-bench-");
    Path file = work.resolve("large.pdf");
    write(file);
    int tusPort;
    try (ServerSocket probe = new ServerSocket(0)) {
      tusPort = probe.getLocalPort();
    }
    Files.createDirectories(work.resolve("tus-store"));
    HttpClient http = HttpClient.newHttpClient();
    System.out.println("Stockage tus benchmark");
    System.out.printf(Locale.ROOT, "  %,d MiB in %d MiB chunks with tus-js-client 4.3 (Node %s); %d runs; %s%n%n",
        SIZE >> 20, CHUNK >> 20, run(node, "node", "--version").strip(), RUNS, "the sample server jar on embedded defaults");
    Process reference = new ProcessBuilder("node", "server.mjs", Integer.toString(tusPort),
        work.resolve("tus-store").toString()).directory(node.toFile()).redirectErrorStream(true)
        .redirectOutput(work.resolve("tus-server.log").toFile()).start();
    try (SampleServerProcess stockage = SampleServerProcess.start(jar, work.resolve("stockage"), List.of("-Xmx512m"),
        // Indexing is background work after the upload; here it would parse each 1 GiB PDF while the next
        // leg (any of the three) runs, on the same two cores.
        List.of("--stockage.upload.max-size=" + (2 * SIZE), "--stockage.indexing.enabled=false"))) {
      List<Double> ours = new ArrayList<>();
      List<Double> theirs = new ArrayList<>();
      List<Double> put = new ArrayList<>();
      String target = seed(http, stockage);
      for (int r = 0; r < RUNS; r++) {
        ours.add(tus(node, stockage.base() + "/api/v1/uploads", file, stockage.credentials("bob")));
        theirs.add(tus(node, "http://127.0.0.1:" + tusPort + "/files/", file, "-"));
        put.add(put(http, stockage, target, file));
      }
      double o = median(ours);
      double t = median(theirs);
      double p = median(put);
      List<List<String>> rows = new ArrayList<>();
      rows.add(List.of("upload of " + (SIZE >> 20) + " MiB", "MB/s", "ratio", "target"));
      rows.add(List.of("Stockage tus (sample server)", fmt(o), "", ""));
      rows.add(List.of("@tus/server + @tus/file-store", fmt(t), String.format(Locale.ROOT, "%.2fx", o / t),
          o / t >= 1.0 ? ">= 1.0x: met" : ">= 1.0x: NOT met"));
      rows.add(List.of("plain PUT to the sample server", fmt(p), String.format(Locale.ROOT, "%.2fx", o / p),
          o / p >= 0.8 ? ">= 0.8x: met" : ">= 0.8x: NOT met"));
      System.out.print(TextTable.format(rows, 1));
      System.out.println("  ratio = Stockage tus / the row. Legs interleaved (Stockage tus, @tus/server, PUT) per run; the");
      System.out.println("  sample server with its indexing worker off (background work after each upload). Stockage hashes,");
      System.out.println("  sniffs and checks the bytes as they come, writes each chunk in place and fsyncs it before");
      System.out.println("  answering, commits to its catalog twice per chunk, and at the end renames the staging file into");
      System.out.println("  its content-addressed place in one transaction; @tus/file-store appends to one file without");
      System.out.println("  fsync and keeps no catalog.");
    } finally {
      reference.destroy();
    }
  }

  private static double tus(Path node, String endpoint, Path file, String credentials) throws Exception {
    String out = run(node, "node", "client.mjs", endpoint, file.toString(), Integer.toString(CHUNK), credentials,
        "bridge");
    Matcher m = MILLIS.matcher(out);
    if (!m.find()) {
      throw new IllegalStateException("tus-js-client failed: " + out);
    }
    return SIZE / 1e6 / (Double.parseDouble(m.group(1)) / 1000);
  }

  // A file to PUT new revisions of.
  private static String seed(HttpClient http, SampleServerProcess stockage) throws Exception {
    HttpResponse<String> created = http.send(stockage.upload("bob", "put.pdf"), HttpResponse.BodyHandlers.ofString());
    Matcher m = Pattern.compile("\"id\":\"([^\"]+)\"").matcher(created.body());
    if (created.statusCode() != 201 || !m.find()) {
      throw new IllegalStateException("seed upload: " + created.statusCode() + " " + created.body());
    }
    return m.group(1);
  }

  private static double put(HttpClient http, SampleServerProcess stockage, String id, Path file) throws Exception {
    long started = System.nanoTime();
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(stockage.base() + "/api/v1/files/" + id
            + "/content")).header("Authorization", stockage.basic("bob"))
        .header("Content-Type", "application/pdf").PUT(HttpRequest.BodyPublishers.ofFile(file)).build(),
        HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() / 100 != 2) {
      throw new IllegalStateException("PUT answered " + response.statusCode() + ": " + response.body());
    }
    return SIZE / 1e6 / ((System.nanoTime() - started) / 1e9);
  }

  private static void write(Path target) throws IOException {
    try (java.io.InputStream in = io.stockage.testkit.Samples.largePdf(SIZE, 1)) {
      Files.copy(in, target);
    }
  }

  private static String run(Path dir, String... command) throws Exception {
    Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor(600, TimeUnit.SECONDS);
    return out;
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }

  private static String fmt(double mbPerSecond) {
    return String.format(Locale.ROOT, "%.1f", mbPerSecond);
  }
}
