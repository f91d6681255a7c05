package io.stockage.examples.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The sample server's jar in a JVM of its own, on embedded defaults under a data directory, with a
 * demo password of its own: what the HTTP benchmarks measure.
 */
final class SampleServerProcess implements AutoCloseable {
  private final Process process;
  private final String base;
  private final String password = "bench-" + System.nanoTime();

  private SampleServerProcess(Path jar, Path data, List<String> jvm, List<String> args) throws IOException {
    int port;
    try (ServerSocket probe = new ServerSocket(0)) {
      port = probe.getLocalPort();
    }
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    command.addAll(jvm);
    command.addAll(List.of("-jar", jar.toString(), "--stockage.data-dir=" + data));
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(data.resolveSibling(data.getFileName() + ".log").toFile());
    builder.environment().put("SERVER_PORT", Integer.toString(port));
    builder.environment().put("STOCKAGE_DEMO_PASSWORD", password);
    this.process = builder.start();
    this.base = "http://localhost:" + port;
  }

  /** Starts the jar with the JVM options and server arguments given, and waits until it answers. */
  static SampleServerProcess start(Path jar, Path data, List<String> jvm, List<String> args) throws Exception {
    SampleServerProcess server = new SampleServerProcess(jar, data, jvm, args);
    try {
      server.awaitUp();
    } catch (Exception e) {
      server.close();
      throw e;
    }
    return server;
  }

  private void awaitUp() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline) {
      try {
        if (http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health")).timeout(Duration.ofSeconds(2))
            .build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // starting
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException("the sample server did not start within 120 s");
  }

  /** The server's address, {@code http://localhost:port}. */
  String base() {
    return base;
  }

  /** Its process id. */
  long pid() {
    return process.pid();
  }

  /** The {@code Authorization} header of a demo user. */
  String basic(String user) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** The {@code user:password} of a demo user. */
  String credentials(String user) {
    return user + ":" + password;
  }

  /** A multipart upload of a small PDF of that name to project {@code bridge}, as the user. */
  HttpRequest upload(String user, String name) {
    String boundary = "bench-" + System.nanoTime();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
        + "\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.writeBytes(io.stockage.testkit.Samples.pdf("bench " + name));
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return HttpRequest.newBuilder(URI.create(base + "/api/v1/projects/bridge/files"))
        .header("Authorization", basic(user))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
  }

  /** Stops the server (SIGTERM, then SIGKILL after 30 s). */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
