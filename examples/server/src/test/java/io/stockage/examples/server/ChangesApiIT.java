package io.stockage.examples.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.stockage.testkit.Samples;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The change feed over HTTP: pages since a cursor, and the SSE stream resumed by Last-Event-ID. */
class ChangesApiIT extends ServerIT {

  @Test
  void changes_sinceACursor_theSubjectsChangesAndTheNextCursor() {
    HttpResponse<String> now = http.get("carol", "/api/v1/changes");
    assertThat(now.statusCode()).as(now.body()).isEqualTo(200);
    assertThat(now.body()).as("without a cursor, from now").startsWith("{\"items\":[],");
    String cursor = member(now.body(), "next");
    String id = uploadPdf("bob", "feed-page.pdf", "feed page");

    String page = http.get("carol", "/api/v1/changes?cursor=" + cursor).body();
    assertThat(page).contains("\"kind\":\"added\"", "\"item\":\"" + id + "\"", "\"name\":\"feed-page.pdf\"",
        "\"actor\":\"bob\"", "\"revision\":1");
    assertThat(http.get("carol", "/api/v1/projects/bridge/changes?cursor=" + cursor).body()).contains(id);
    assertThat(http.get("mallory", "/api/v1/changes?cursor=" + cursor).body()).as("another organization")
        .doesNotContain(id);
    String next = member(page, "next");
    assertThat(http.get("carol", "/api/v1/changes?cursor=" + next).body()).doesNotContain(id);
    HttpResponse<String> bad = http.get("carol", "/api/v1/changes?cursor=nonsense");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("INVALID_ARGUMENT");
  }

  @Test
  void stream_reconnectWithLastEventId_losesAndRepeatsNothing() throws Exception {
    String start = member(http.get("carol", "/api/v1/changes").body(), "next");
    List<String> ids = new ArrayList<>();
    String lastEventId;
    try (Sse stream = Sse.open(http, "carol", "/api/v1/changes/stream?cursor=" + start, null)) {
      assertThat(stream.response.headers().firstValue("Content-Type")).hasValueSatisfying(
          v -> assertThat(v).startsWith("text/event-stream"));
      assertThat(stream.response.headers().firstValue("X-Accel-Buffering")).contains("no");
      for (int n = 0; n < 3; n++) {
        ids.add(uploadPdf("bob", "sse-before-" + n + ".pdf", "sse " + n));
      }
      List<Sse.Event> first = stream.events(3);
      assertThat(first).extracting(e -> member(e.data(), "item")).containsExactlyElementsOf(ids);
      lastEventId = first.get(2).id();
      assertThat(stream.heartbeat(5)).as("a heartbeat comment").isTrue();
    }
    List<String> later = new ArrayList<>();
    for (int n = 0; n < 3; n++) {
      later.add(uploadPdf("bob", "sse-after-" + n + ".pdf", "sse after " + n));
    }
    try (Sse stream = Sse.open(http, "carol", "/api/v1/changes/stream", lastEventId)) {
      List<Sse.Event> resumed = stream.events(3);
      assertThat(resumed).extracting(e -> member(e.data(), "item")).as("what came while away, once")
          .containsExactlyElementsOf(later);
      assertThat(stream.events(1, 1)).as("nothing more").isEmpty();
    }
  }

  @Test
  void stream_narrowedToAProject_andAnotherOrganizationSeesNothing() throws Exception {
    String start = member(http.get("carol", "/api/v1/changes").body(), "next");
    try (Sse carol = Sse.open(http, "carol", "/api/v1/changes/stream?project=bridge&cursor=" + start, null);
        Sse mallory = Sse.open(http, "mallory", "/api/v1/changes/stream?cursor=" + start, null)) {
      String id = uploadPdf("bob", "sse-project.pdf", "project channel");
      assertThat(carol.events(1)).extracting(e -> member(e.data(), "item")).containsExactly(id);
      assertThat(mallory.events(1, 2)).isEmpty();
    }
    assertThat(http.get("mallory", "/api/v1/changes/stream?project=bridge").statusCode()).isEqualTo(404);
  }

  @Test
  void websocket_subscribeToAProject_changesArriveUntilUnsubscribed() throws Exception {
    BlockingQueue<String> messages = new LinkedBlockingQueue<>();
    String token = java.util.Base64.getEncoder().encodeToString("carol:s3cret".getBytes(
        java.nio.charset.StandardCharsets.UTF_8));
    java.net.http.WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
        .header("Authorization", "Basic " + token)
        .buildAsync(java.net.URI.create("ws://localhost:" + port + "/api/v1/ws"), new java.net.http.WebSocket.Listener() {
          private final StringBuilder text = new StringBuilder();

          @Override
          public java.util.concurrent.CompletionStage<?> onText(java.net.http.WebSocket ws, CharSequence data,
              boolean last) {
            text.append(data);
            if (last) {
              messages.add(text.toString());
              text.setLength(0);
            }
            ws.request(1);
            return null;
          }
        }).get(10, TimeUnit.SECONDS);
    try {
      socket.sendText("{\"type\":\"subscribe\",\"project\":\"bridge\"}", true).get(10, TimeUnit.SECONDS);
      assertThat(messages.poll(10, TimeUnit.SECONDS)).contains("\"type\":\"subscribed\"", "\"project\":\"bridge\"");
      String id = uploadPdf("bob", "ws-change.pdf", "over the socket");
      String change = messages.poll(10, TimeUnit.SECONDS);
      assertThat(change).contains("\"type\":\"change\"", "\"item\":\"" + id + "\"", "\"kind\":\"added\"");

      socket.sendText("{\"type\":\"subscribe\",\"project\":\"no-such-project\"}", true).get(10, TimeUnit.SECONDS);
      assertThat(messages.poll(10, TimeUnit.SECONDS)).contains("\"type\":\"error\"", "NOT_FOUND");
      socket.sendText("{\"type\":\"unsubscribe\",\"project\":\"bridge\"}", true).get(10, TimeUnit.SECONDS);
      Thread.sleep(300);
      uploadPdf("bob", "ws-after.pdf", "after unsubscribing");
      assertThat(messages.poll(2, TimeUnit.SECONDS)).as("nothing after unsubscribing").isNull();
    } finally {
      socket.sendClose(java.net.http.WebSocket.NORMAL_CLOSURE, "done");
    }
    java.util.concurrent.CompletableFuture<java.net.http.WebSocket> anonymous = HttpClient.newHttpClient()
        .newWebSocketBuilder().buildAsync(java.net.URI.create("ws://localhost:" + port + "/api/v1/ws"),
            new java.net.http.WebSocket.Listener() {});
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> anonymous.get(10, TimeUnit.SECONDS))
        .hasCauseInstanceOf(java.net.http.WebSocketHandshakeException.class)
        .satisfies(e -> assertThat(((java.net.http.WebSocketHandshakeException) e.getCause()).getResponse()
            .statusCode()).isEqualTo(401));
  }

  /** An SSE client over Java's HTTP client: lines read on a thread of their own. */
  static final class Sse implements AutoCloseable {
    record Event(String id, String data) {}

    final HttpResponse<Stream<String>> response;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final Thread reader;

    private Sse(HttpResponse<Stream<String>> response) {
      this.response = response;
      this.reader = new Thread(() -> response.body().forEach(lines::add), "sse-reader");
      reader.setDaemon(true);
      reader.start();
    }

    static Sse open(Http http, String user, String path, String lastEventId) throws Exception {
      var request = http.request(user, path).header("Accept", "text/event-stream").GET();
      if (lastEventId != null) {
        request.header("Last-Event-ID", lastEventId);
      }
      HttpResponse<Stream<String>> response = HttpClient.newHttpClient().send(request.build(),
          HttpResponse.BodyHandlers.ofLines());
      assertThat(response.statusCode()).isEqualTo(200);
      return new Sse(response);
    }

    List<Event> events(int count) throws InterruptedException {
      List<Event> events = events(count, 10);
      assertThat(events).as("events received").hasSize(count);
      return events;
    }

    // Up to count events within the seconds given.
    List<Event> events(int count, int seconds) throws InterruptedException {
      List<Event> events = new ArrayList<>();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
      String id = null;
      StringBuilder data = new StringBuilder();
      while (events.size() < count) {
        String line = lines.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        if (line == null) {
          break;
        }
        if (line.startsWith("id:")) {
          id = line.substring(3).strip();
        } else if (line.startsWith("data:")) {
          data.append(line.substring(5).strip());
        } else if (line.isEmpty() && data.length() > 0) {
          events.add(new Event(id, data.toString()));
          data.setLength(0);
          id = null;
        }
      }
      return events;
    }

    boolean heartbeat(int seconds) throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
      String line;
      while ((line = lines.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) != null) {
        if (line.startsWith(":heartbeat")) {
          return true;
        }
      }
      return false;
    }

    @Override
    public void close() {
      response.body().close();
      reader.interrupt();
    }
  }
}
