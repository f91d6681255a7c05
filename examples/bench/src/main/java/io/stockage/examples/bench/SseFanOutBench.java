package io.stockage.examples.bench;

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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 1,000 Server-Sent Events subscribers of the sample server (the jar, started on its embedded
 * defaults): the server's heap per open stream, and from an upload's answer to each subscriber's
 * event. The subscribers are the demo's three members of {@code bridge}, so readers of the same
 * user share their reads of the feed, as a user's tabs and devices do.
 */
public final class SseFanOutBench {
  private static final int SUBSCRIBERS = Integer.getInteger("stockage.bench.sse.subscribers", 1000);
  private static final int CHANGES = 20;
  private static final Pattern NAME = Pattern.compile("\"name\":\"(fan-[^\"]+)\"");
  private static final Pattern USED = Pattern.compile("used (\\d+)K");

  private SseFanOutBench() {}

  /**
   * Runs the benchmark.
   *
   * @param args the directory to work in, then the server jar
   * @throws Exception when the set-up fails
   */
  public static void main(String[] args) throws Exception {
    Path base = Files.createDirectories(Path.of(args[0]).toAbsolutePath());
    Path jar = Path.of(args[1]).toAbsolutePath();
    Path data = Files.createTempDirectory(base, "stockage-sse-bench-");
    System.out.println("Stockage SSE fan-out benchmark");
    System.out.printf("  the sample server jar (-Xmx512m, G1), embedded defaults; %,d subscribers%n%n", SUBSCRIBERS);
    java.util.concurrent.ExecutorService threads = Executors.newFixedThreadPool(4);
    HttpClient client = HttpClient.newBuilder().executor(threads).build();
    try (SampleServerProcess server = SampleServerProcess.start(jar, data.resolve("server"),
        List.of("-Xmx512m", "-XX:+UseG1GC"), List.of())) {
      String base1 = server.base();
      long before = heapKb(server.pid());
      Map<String, List<Long>> arrivals = new ConcurrentHashMap<>();
      AtomicInteger connected = new AtomicInteger();
      String[] users = {"alice", "bob", "carol"};
      for (int n = 0; n < SUBSCRIBERS; n++) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base1 + "/api/v1/changes/stream"))
            .header("Authorization", server.basic(users[n % users.length])).header("Accept", "text/event-stream").build();
        client.sendAsync(request, HttpResponse.BodyHandlers.fromLineSubscriber(new Lines(connected, arrivals)));
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (connected.get() < SUBSCRIBERS && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      Thread.sleep(1000);
      long after = heapKb(server.pid());
      Map<String, Long> answered = new ConcurrentHashMap<>();
      for (int n = 0; n < CHANGES; n++) {
        String name = "fan-" + n + "-" + System.nanoTime() + ".pdf";
        HttpResponse<String> response = client.send(server.upload("bob", name), HttpResponse.BodyHandlers.ofString());
        answered.put(name, System.nanoTime());
        if (response.statusCode() != 201) {
          throw new IllegalStateException("upload answered " + response.statusCode() + ": " + response.body());
        }
        Thread.sleep(500);
      }
      Thread.sleep(5000);
      List<Long> each = new ArrayList<>();
      List<Long> last = new ArrayList<>();
      int complete = 0;
      for (Map.Entry<String, Long> upload : answered.entrySet()) {
        List<Long> times = arrivals.getOrDefault(upload.getKey(), List.of());
        long latest = 0;
        synchronized (times) {
          for (long t : times) {
            long d = Math.max(0, t - upload.getValue());
            each.add(d);
            latest = Math.max(latest, d);
          }
          complete += times.size() == SUBSCRIBERS ? 1 : 0;
        }
        last.add(latest);
      }
      List<List<String>> rows = new ArrayList<>();
      rows.add(List.of(String.format(Locale.ROOT, "%,d SSE subscribers, one server", SUBSCRIBERS), "value"));
      rows.add(List.of("streams open", String.format(Locale.ROOT, "%,d", connected.get())));
      rows.add(List.of("server heap per stream (after a full GC)",
          String.format(Locale.ROOT, "%,d bytes", Math.max(0, after - before) * 1024 / Math.max(1, connected.get()))));
      rows.add(List.of("upload answered -> a subscriber's event, p50 ms", Percentiles.ms(Percentiles.of(each, 50))));
      rows.add(List.of("upload answered -> a subscriber's event, p99 ms", Percentiles.ms(Percentiles.of(each, 99))));
      rows.add(List.of("upload answered -> the last subscriber's event, p99 ms", Percentiles.ms(Percentiles.of(last, 99))));
      rows.add(List.of("uploads that reached every stream", complete + " of " + CHANGES));
      System.out.print(TextTable.format(rows, 1));
      System.out.printf("  %d uploads 500 ms apart, by bob; the streams are alice's, bob's and carol's in turn%n", CHANGES);
    } finally {
      threads.shutdownNow();
    }
  }

  // The server's used heap after a full collection, in KiB (jcmd, G1's heap_info line).
  private static long heapKb(long pid) throws Exception {
    String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
    run(jcmd, Long.toString(pid), "GC.run");
    Matcher m = USED.matcher(run(jcmd, Long.toString(pid), "GC.heap_info"));
    if (!m.find()) {
      throw new IllegalStateException("no heap figure from jcmd");
    }
    return Long.parseLong(m.group(1));
  }

  private static String run(String... command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor(60, TimeUnit.SECONDS);
    return out;
  }

  /** One stream's lines: the first says it is open; data lines carry the changes. */
  private static final class Lines implements Flow.Subscriber<String> {
    private final AtomicInteger connected;
    private final Map<String, List<Long>> arrivals;
    private boolean open;

    Lines(AtomicInteger connected, Map<String, List<Long>> arrivals) {
      this.connected = connected;
      this.arrivals = arrivals;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(String line) {
      long now = System.nanoTime();
      if (!open) {
        open = true;
        connected.incrementAndGet();
      }
      if (line.startsWith("data:")) {
        Matcher m = NAME.matcher(line);
        if (m.find()) {
          List<Long> times = arrivals.computeIfAbsent(m.group(1), k -> Collections.synchronizedList(new ArrayList<>()));
          times.add(now);
        }
      }
    }

    @Override
    public void onError(Throwable throwable) {
      // the server went away at the end
    }

    @Override
    public void onComplete() {
      // the stream ended
    }
  }
}
