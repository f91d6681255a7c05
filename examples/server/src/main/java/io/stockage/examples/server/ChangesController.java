package io.stockage.examples.server;

import io.stockage.Change;
import io.stockage.ChangeCursor;
import io.stockage.ChangeListener;
import io.stockage.ChangePage;
import io.stockage.ItemId;
import io.stockage.ProjectId;
import io.stockage.Stockage;
import io.stockage.Subject;
import io.stockage.Subscription;
import io.stockage.Subscription.CloseReason;
import io.stockage.UserId;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The change feed over HTTP: pages since a cursor, and a Server-Sent Events stream whose event ids
 * are cursors, so that a reconnect with {@code Last-Event-ID} resumes where the client stood.
 */
@RestController
class ChangesController implements SmartLifecycle {
  /** How long one stream stays open; the client reconnects with its last event id. */
  private static final Duration STREAM_LIFETIME = Duration.ofMinutes(30);

  private final Stockage stockage;
  private final Duration heartbeat;
  private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(runnable -> {
    Thread thread = new Thread(runnable, "sse-heartbeat");
    thread.setDaemon(true);
    return thread;
  });

  private final Set<SseEmitter> open = ConcurrentHashMap.newKeySet();
  private volatile boolean running;

  ChangesController(Stockage stockage, @Value("${sample.changes.heartbeat:15s}") Duration heartbeat) {
    this.stockage = stockage;
    this.heartbeat = heartbeat;
  }

  /** The JSON form of a change. */
  record ChangeView(String cursor, String kind, String item, String project, String parent, String name,
      Integer revision, String actor, String mount, String path, Instant at) {
    static ChangeView of(Change c) {
      return new ChangeView(c.cursor().toString(), c.kind().name().toLowerCase(Locale.ROOT),
          c.item().map(ItemId::toString).orElse(null), c.project().map(ProjectId::toString).orElse(null),
          c.parent().map(ItemId::toString).orElse(null), c.name().orElse(null),
          c.revision().isPresent() ? c.revision().getAsInt() : null, c.actor().map(UserId::value).orElse(null),
          c.mount().orElse(null), c.path().orElse(null), c.at());
    }
  }

  /** A page of changes and where to read on. */
  record PageView(List<ChangeView> items, String next) {
    static PageView of(ChangePage page) {
      return new PageView(page.changes().stream().map(ChangeView::of).toList(), page.next().toString());
    }
  }

  @GetMapping("/api/v1/changes")
  PageView changes(Subject subject, @RequestParam(required = false) String cursor,
      @RequestParam(defaultValue = "100") int limit) {
    return PageView.of(stockage.changes().page(subject, from(subject, cursor), limit));
  }

  @GetMapping("/api/v1/projects/{slug}/changes")
  PageView projectChanges(Subject subject, @PathVariable String slug, @RequestParam(required = false) String cursor,
      @RequestParam(defaultValue = "100") int limit) {
    ProjectId project = stockage.projects().get(subject, slug).id();
    return PageView.of(stockage.changes().page(subject, project, from(subject, cursor), limit));
  }

  /**
   * Server-Sent Events: each change an event whose id is its cursor; a comment every heartbeat;
   * {@code event: resync} and the end of the stream when the feed no longer holds the cursor.
   */
  @GetMapping(path = "/api/v1/changes/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  SseEmitter stream(Subject subject, @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
      @RequestParam(required = false) String cursor, @RequestParam(required = false) String project,
      HttpServletResponse response) {
    ChangeCursor after = from(subject, lastEventId != null && !lastEventId.isBlank() ? lastEventId : cursor);
    Optional<ProjectId> scope = Optional.ofNullable(project).map(slug -> stockage.projects().get(subject, slug).id());
    response.setHeader("X-Accel-Buffering", "no");
    response.setHeader("Cache-Control", "no-cache");
    SseEmitter emitter = new SseEmitter(STREAM_LIFETIME.toMillis());
    try {
      // Sent at once, so that the response starts now (a proxy or a client waits for its head).
      emitter.send(SseEmitter.event().comment("stream of changes after " + after));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    ChangeListener listener = new ChangeListener() {
      @Override
      public void onChange(Change change) {
        try {
          emitter.send(SseEmitter.event().id(change.cursor().toString()).data(ChangeView.of(change),
              MediaType.APPLICATION_JSON));
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }

      @Override
      public void onClosed(CloseReason reason, ChangeCursor resumeFrom) {
        try {
          if (reason == CloseReason.RESYNC_REQUIRED) {
            emitter.send(SseEmitter.event().name("resync").data("the feed no longer holds this cursor"));
          }
          emitter.complete();
        } catch (IOException | IllegalStateException e) {
          // the client is gone already
        }
      }
    };
    Subscription subscription = scope.map(p -> stockage.changes().subscribe(subject, p, after, listener))
        .orElseGet(() -> stockage.changes().subscribe(subject, after, listener));
    ScheduledFuture<?> beat = heartbeats.scheduleAtFixedRate(() -> {
      try {
        emitter.send(SseEmitter.event().comment("heartbeat"));
      } catch (IOException | IllegalStateException e) {
        subscription.close();
      }
    }, heartbeat.toMillis(), heartbeat.toMillis(), TimeUnit.MILLISECONDS);
    open.add(emitter);
    Runnable end = () -> {
      open.remove(emitter);
      beat.cancel(false);
      subscription.close();
    };
    emitter.onCompletion(end);
    emitter.onTimeout(end);
    emitter.onError(e -> end.run());
    return emitter;
  }

  @Override
  public void start() {
    running = true;
  }

  /**
   * Ends the open streams before the web server's graceful shutdown waits for requests to end (an
   * event stream never would); clients reconnect, to another node, with their last event id.
   */
  @Override
  public void stop() {
    running = false;
    open.forEach(SseEmitter::complete);
  }

  /** Stops the heartbeats with the application (a stopped context may start again: not in {@link #stop}). */
  @jakarta.annotation.PreDestroy
  void close() {
    heartbeats.shutdownNow();
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  // The client's cursor, or "now" without one.
  private ChangeCursor from(Subject subject, String cursor) {
    return cursor == null || cursor.isBlank() ? stockage.changes().latestCursor(subject) : ChangeCursor.parse(cursor);
  }
}
