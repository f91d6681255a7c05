package io.stockage.examples.server;

import io.stockage.Change;
import io.stockage.ChangeCursor;
import io.stockage.ChangeListener;
import io.stockage.ErrorKind;
import io.stockage.Stockage;
import io.stockage.StockageException;
import io.stockage.Subject;
import io.stockage.Subscription;
import io.stockage.Subscription.CloseReason;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The change feed over a WebSocket at {@code /api/v1/ws}, for clients that prefer one connection
 * for several projects. The client sends {@code {"type": "subscribe", "project": slug-or-absent,
 * "cursor": cursor-or-absent}} (absent project: the whole organization; absent cursor: from now)
 * and {@code {"type": "unsubscribe", "project": ...}}; the server answers {@code subscribed},
 * sends each change as {@code {"type": "change", "change": {...}}} (the JSON of
 * {@code GET /api/v1/changes}), and {@code {"type": "error", "kind", "message"}}; a subscription the
 * feed drops ends with {@code {"type": "closed", "project", "reason", "cursor"}}, from which the
 * client subscribes again.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class ChangesSocket implements WebSocketConfigurer {
  private static final int SEND_LIMIT_MILLIS = 10_000;
  private static final int BUFFER_LIMIT_BYTES = 1 << 20;

  private final Stockage stockage;
  private final ObjectMapper json;

  ChangesSocket(Stockage stockage, ObjectMapper json) {
    this.stockage = stockage;
    this.json = json;
  }

  @Override
  public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
    registry.addHandler(new Handler(), "/api/v1/ws");
  }

  private final class Handler extends TextWebSocketHandler {
    private final Map<String, Client> clients = new ConcurrentHashMap<>();

    @Override
    public void afterConnectionEstablished(WebSocketSession session) {
      // Sends from the feed's threads and from this one, one at a time, dropped when too slow.
      clients.put(session.getId(),
          new Client(new ConcurrentWebSocketSessionDecorator(session, SEND_LIMIT_MILLIS, BUFFER_LIMIT_BYTES)));
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) throws IOException {
      Client client = clients.get(session.getId());
      try {
        JsonNode request = json.readTree(message.getPayload());
        String type = request.path("type").asString("");
        String project = request.path("project").isString() ? request.path("project").asString() : "";
        switch (type) {
          case "subscribe" -> client.subscribe(project, request.path("cursor").asString(""));
          case "unsubscribe" -> client.unsubscribe(project);
          default -> throw StockageException.of(ErrorKind.INVALID_ARGUMENT, "type is subscribe or unsubscribe");
        }
      } catch (StockageException e) {
        client.send(Map.of("type", "error", "kind", e.kind().name(), "message", e.getMessage()));
      } catch (tools.jackson.core.JacksonException e) {
        client.send(Map.of("type", "error", "kind", ErrorKind.INVALID_ARGUMENT.name(), "message", "not JSON"));
      }
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
      Client client = clients.remove(session.getId());
      if (client != null) {
        client.subscriptions.values().forEach(Subscription::close);
      }
    }
  }

  /** One connection: its subject and its subscriptions by project slug ("" for the organization). */
  private final class Client {
    private final WebSocketSession session;
    private final Subject subject;
    private final Map<String, Subscription> subscriptions = new ConcurrentHashMap<>();

    Client(WebSocketSession session) {
      this.session = session;
      this.subject = DemoUsers.subjectOf(session.getPrincipal().getName()).orElseThrow(() ->
          StockageException.of(ErrorKind.PERMISSION_DENIED, "user " + session.getPrincipal().getName()
              + " has no organization"));
    }

    void subscribe(String project, String cursor) throws IOException {
      unsubscribe(project);
      ChangeCursor after = cursor.isEmpty() ? stockage.changes().latestCursor(subject) : ChangeCursor.parse(cursor);
      ChangeListener listener = new ChangeListener() {
        @Override
        public void onChange(Change change) {
          send(Map.of("type", "change", "change", ChangesController.ChangeView.of(change)));
        }

        @Override
        public void onClosed(CloseReason reason, ChangeCursor resumeFrom) {
          if (reason != CloseReason.CLOSED) {
            send(Map.of("type", "closed", "project", project, "reason", reason.name(), "cursor", resumeFrom.toString()));
          }
        }
      };
      Subscription subscription;
      if (project.isEmpty()) {
        subscription = stockage.changes().subscribe(subject, after, listener);
      } else {
        subscription = stockage.changes().subscribe(subject, stockage.projects().get(subject, project).id(), after,
            listener);
      }
      subscriptions.put(project, subscription);
      Map<String, Object> answer = new LinkedHashMap<>();
      answer.put("type", "subscribed");
      answer.put("project", project);
      answer.put("cursor", after.toString());
      send(answer);
    }

    void unsubscribe(String project) {
      Subscription old = subscriptions.remove(project);
      if (old != null) {
        old.close();
      }
    }

    void send(Object message) {
      try {
        session.sendMessage(new TextMessage(json.writeValueAsString(message)));
      } catch (IOException | IllegalStateException e) {
        // The connection is gone or too slow: the decorator closed it; its subscriptions end with it.
        subscriptions.values().forEach(Subscription::close);
      }
    }
  }
}
