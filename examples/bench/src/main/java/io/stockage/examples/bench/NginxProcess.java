package io.stockage.examples.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's nginx serving a directory and accepting WebDAV {@code PUT}s into it, on loopback, with
 * a configuration of its own: the HTTP baseline of the server benchmark. Request bodies are
 * buffered in a temporary directory on the same disk and renamed into place (nginx's way); nothing
 * is forced to disk.
 */
final class NginxProcess implements AutoCloseable {
  static final Path BINARY = Path.of("/usr/sbin/nginx");

  private final Process process;
  private final String base;

  private NginxProcess(Process process, int port) {
    this.process = process;
    this.base = "http://127.0.0.1:" + port;
  }

  /** Starts nginx (two workers, sendfile on) on a free port, serving {@code dir/root}. */
  static NginxProcess start(Path dir) throws IOException, InterruptedException {
    if (!Files.isExecutable(BINARY)) {
      throw new IllegalStateException("nginx is not installed: apt-get install nginx-light");
    }
    int port;
    try (ServerSocket probe = new ServerSocket(0)) {
      port = probe.getLocalPort();
    }
    Path root = Files.createDirectories(dir.resolve("root"));
    Path temp = Files.createDirectories(dir.resolve("body-temp"));
    Path conf = dir.resolve("nginx.conf");
    Files.writeString(conf, """
        user root;
        worker_processes 2;
        daemon off;
        pid %1$s/nginx.pid;
        error_log %1$s/error.log warn;
        events { worker_connections 1024; }
        http {
          access_log off;
          sendfile on;
          client_max_body_size 0;
          client_body_temp_path %3$s;
          server {
            listen 127.0.0.1:%4$d;
            root %2$s;
            location / { dav_methods PUT DELETE; create_full_put_path on; }
          }
        }
        """.formatted(dir, root, temp, port));
    Process process = new ProcessBuilder(List.of(BINARY.toString(), "-c", conf.toString(), "-p", dir.toString()))
        .redirectErrorStream(true).redirectOutput(dir.resolve("nginx.out").toFile()).start();
    NginxProcess nginx = new NginxProcess(process, port);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (true) {
      try (Socket ignored = new Socket("127.0.0.1", port)) {
        return nginx;
      } catch (IOException notYet) {
        if (!process.isAlive() || System.nanoTime() > deadline) {
          nginx.close();
          throw new IllegalStateException("nginx did not start: " + Files.readString(dir.resolve("nginx.out")));
        }
        Thread.sleep(50);
      }
    }
  }

  /** {@code http://127.0.0.1:port}. */
  String base() {
    return base;
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
