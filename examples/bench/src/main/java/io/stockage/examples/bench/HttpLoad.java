package io.stockage.examples.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the HTTP benchmarks do to a server: one HTTP/1.1 client (java.net.http, in the bench's JVM),
 * multipart uploads to the sample server, and clients running side by side, timed.
 */
final class HttpLoad {
  private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final SampleServerProcess server;

  HttpLoad(SampleServerProcess server) {
    this.server = server;
  }

  /** Uploads the file as a new file of project {@code bridge}, as alice (multipart, streamed); returns its id. */
  String create(Path source, String name) throws IOException, InterruptedException {
    String boundary = "bench-" + System.nanoTime();
    byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
        + "\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(server.base(), "/api/v1/projects/bridge/files"))
        .header("Authorization", server.basic("alice"))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofByteArray(head),
            HttpRequest.BodyPublishers.ofFile(source), HttpRequest.BodyPublishers.ofByteArray(tail))).build(),
        HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 201) {
      throw new IllegalStateException("upload of " + name + ": " + response.statusCode() + " " + response.body());
    }
    Matcher id = ID.matcher(response.body());
    if (!id.find()) {
      throw new IllegalStateException("no id in " + response.body());
    }
    return id.group(1);
  }

  /** A {@code GET} of a file's content as carol, the body discarded; fails unless 200. */
  Object download(String id) throws IOException, InterruptedException {
    return expect(200, send(HttpRequest.newBuilder(uri(server.base(), "/api/v1/files/" + id + "/content"))
        .header("Authorization", server.basic("carol")).GET()));
  }

  /** Sends the request, discarding the body; returns the status. */
  int send(HttpRequest.Builder request) throws IOException, InterruptedException {
    return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  static Object expect(int status, int actual) {
    if (actual != status) {
      throw new IllegalStateException("HTTP " + actual + " instead of " + status);
    }
    return null;
  }

  static URI uri(String base, String path) {
    return URI.create(base + path);
  }

  static long time(Callable<?> action) throws Exception {
    long start = System.nanoTime();
    action.call();
    return System.nanoTime() - start;
  }

  /** {@code clients} threads, each doing the action {@code times} times in turn. */
  static Timed concurrently(int clients, int times, Action action) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    List<Long> each = Collections.synchronizedList(new ArrayList<>());
    try {
      List<Future<?>> running = new ArrayList<>();
      long start = System.nanoTime();
      for (int c = 0; c < clients; c++) {
        int client = c;
        running.add(pool.submit(() -> {
          for (int i = 0; i < times; i++) {
            int run = i;
            each.add(time(() -> action.run(client, run)));
          }
          return null;
        }));
      }
      for (Future<?> future : running) {
        future.get();
      }
      return new Timed(System.nanoTime() - start, each);
    } finally {
      pool.shutdownNow();
    }
  }

  /** One client's action: its number, and which of its turns this is. */
  @FunctionalInterface
  interface Action {
    Object run(int client, int turn) throws Exception;
  }

  /** A leg's wall time, and each action's duration (nanoseconds). */
  record Timed(long wall, List<Long> each) {}
}
