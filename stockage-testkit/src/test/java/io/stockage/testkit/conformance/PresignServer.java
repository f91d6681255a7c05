package io.stockage.testkit.conformance;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Serves {@link ReferenceProvider}'s presigned URLs on 127.0.0.1: a GET or PUT per grant, until it expires. */
final class PresignServer implements AutoCloseable {
  private final ReferenceProvider store;
  private final Map<String, Grant> grants = new ConcurrentHashMap<>();
  private final HttpServer server;

  private record Grant(String key, Instant expires, boolean write, Optional<String> downloadName) {}

  PresignServer(ReferenceProvider store) {
    this.store = store;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/p/", this::handle);
    server.start();
  }

  URI grant(String key, Duration ttl, boolean write, Optional<String> downloadName) {
    String token = UUID.randomUUID().toString();
    grants.put(token, new Grant(key, Instant.now().plus(ttl), write, downloadName));
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/p/" + token);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      Grant grant = grants.get(exchange.getRequestURI().getPath().substring("/p/".length()));
      String method = exchange.getRequestMethod();
      if (grant == null || Instant.now().isAfter(grant.expires())
          || !method.equals(grant.write() ? "PUT" : "GET")) {
        exchange.sendResponseHeaders(403, -1);
        return;
      }
      if (grant.write()) {
        store.presignedPut(grant.key(), exchange.getRequestBody().readAllBytes());
        exchange.sendResponseHeaders(200, -1);
        return;
      }
      Optional<byte[]> data = store.presignedGet(grant.key());
      if (data.isEmpty()) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      grant.downloadName().ifPresent(name ->
          exchange.getResponseHeaders().add("Content-Disposition", "attachment; filename=\"" + name + "\""));
      exchange.sendResponseHeaders(200, data.get().length == 0 ? -1 : data.get().length);
      exchange.getResponseBody().write(data.get());
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
