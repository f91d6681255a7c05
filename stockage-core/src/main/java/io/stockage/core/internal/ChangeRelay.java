package io.stockage.core.internal;

import io.stockage.Change;
import io.stockage.ChangeCursor;
import io.stockage.ChangeListener;
import io.stockage.ChangePage;
import io.stockage.ErrorKind;
import io.stockage.ProjectId;
import io.stockage.StockageException;
import io.stockage.Subject;
import io.stockage.Subscription;
import io.stockage.Subscription.CloseReason;
import io.stockage.spi.catalog.ChangeSignals;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes the feed to this engine's subscribers. One thread waits on the catalog's wake-ups (a
 * {@code LISTEN} connection on PostgreSQL, so changes of every node arrive), and on a timer as
 * well, since a wake-up can be lost and a long transaction can hold changes back; when the feed's
 * head moved, every subscriber is told to read on. A subscriber reads pages from its own cursor,
 * filtered by its permissions at that moment, and hands them to its listener on a delivery
 * thread of its own: the buffer between the feed and a listener is one page, a listener that
 * holds a delivery longer than the stall limit is dropped and resumes from its cursor, and no
 * listener waits for another. Nothing is kept per subscriber but its cursor, so a reconnect with
 * that cursor repeats and loses nothing.
 */
public final class ChangeRelay implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ChangeRelay.class);
  private static final int PAGE = 200;
  // How soon a delivery that failed on the catalog is tried again.
  private static final Duration RETRY = Duration.ofSeconds(1);

  private final EngineContext ctx;
  private final ChangeService feed;
  private final Options options;
  private final Set<Sub> subscribers = ConcurrentHashMap.newKeySet();
  private final Map<ReadKey, CompletableFuture<ChangePage>> reading = new ConcurrentHashMap<>();
  private final ExecutorService deliveries;
  private final Object lifecycle = new Object();
  private Thread thread;
  private ChangeSignals signals;
  private volatile boolean closed;
  private volatile ChangeCursor head = ChangeCursor.START;

  /**
   * How the feed is pushed and kept.
   *
   * @param poll how often the feed is read when no wake-up came
   * @param stall how long a listener may hold one delivery before it is dropped
   * @param retention how long changes are kept ({@link io.stockage.Maintenance#pruneChanges})
   */
  public record Options(Duration poll, Duration stall, Duration retention) {
    /** Validates. */
    public Options {
      if (poll.isNegative() || poll.isZero() || stall.isNegative() || stall.isZero() || retention.isNegative()
          || retention.isZero()) {
        throw StockageException.of(ErrorKind.CONFIG_INVALID, "the change feed needs a positive poll, stall and retention");
      }
    }

    /** Read at least every 500 ms, drop a listener after 10 s on one change, keep 30 days. */
    public static Options defaults() {
      return new Options(Duration.ofMillis(500), Duration.ofSeconds(10), Duration.ofDays(30));
    }
  }

  ChangeRelay(EngineContext ctx, ChangeService feed, Options options) {
    this.ctx = ctx;
    this.feed = feed;
    this.options = options;
    AtomicInteger count = new AtomicInteger();
    ThreadPoolExecutor pool = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS,
        new SynchronousQueue<>(), runnable -> {
          Thread t = new Thread(runnable, "stockage-change-delivery-" + count.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
    this.deliveries = pool;
  }

  /** A subscription from the cursor; the relay starts with the first one. */
  Subscription subscribe(Subject subject, Optional<ProjectId> project, ChangeCursor after, ChangeListener listener) {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(after, "after");
    Objects.requireNonNull(listener, "listener");
    start();
    Sub sub = new Sub(subject, project, after, listener);
    subscribers.add(sub);
    if (closed) {
      sub.end(CloseReason.SHUTDOWN);
    } else {
      sub.kick();
    }
    return sub;
  }

  private void start() {
    synchronized (lifecycle) {
      if (thread != null || closed) {
        return;
      }
      signals = ctx.catalog().listen();
      thread = new Thread(this::run, "stockage-change-relay");
      thread.setDaemon(true);
      thread.start();
    }
  }

  private void run() {
    try {
      relay();
    } finally {
      signals.close();
    }
  }

  private void relay() {
    while (!closed) {
      try {
        boolean retry = subscribers.stream().anyMatch(s -> s.stale);
        boolean woke = signals.await(retry && RETRY.compareTo(options.poll()) < 0 ? RETRY : options.poll());
        ChangeCursor now = ctx.catalog().read(s -> s.changes().head());
        boolean moved = woke || !now.equals(head);
        head = now;
        subscribers.forEach(s -> {
          if (moved || s.stale) {
            s.kick();
          }
        });
        long limit = options.stall().toNanos();
        subscribers.forEach(s -> s.dropIfStalled(limit));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        if (!closed) {
          LOG.warn("reading the change feed failed (trying again): {}", e.toString());
          pause();
        }
      }
    }
  }

  private void pause() {
    try {
      Thread.sleep(Math.min(RETRY.toMillis(), options.poll().toMillis()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * A page of the feed; subscribers of the same subject asking from the same cursor at the same
   * time share one read (a change wakes them all at once), later ones read again.
   */
  private ChangePage read(Subject subject, Optional<ProjectId> project, ChangeCursor after) {
    ReadKey key = new ReadKey(subject, project, after);
    CompletableFuture<ChangePage> mine = new CompletableFuture<>();
    CompletableFuture<ChangePage> running = reading.putIfAbsent(key, mine);
    if (running != null) {
      try {
        return running.join();
      } catch (CompletionException e) {
        throw e.getCause() instanceof RuntimeException r ? r : e;
      }
    }
    try {
      ChangePage page = feed.read(subject, project, after, PAGE);
      mine.complete(page);
      return page;
    } catch (RuntimeException e) {
      mine.completeExceptionally(e);
      throw e;
    } finally {
      reading.remove(key, mine);
    }
  }

  private record ReadKey(Subject subject, Optional<ProjectId> project, ChangeCursor after) {}

  /** Ends every subscription and stops listening. */
  @Override
  public void close() {
    closed = true;
    subscribers.forEach(s -> s.end(CloseReason.SHUTDOWN));
    Thread running;
    synchronized (lifecycle) {
      running = thread;
    }
    if (running != null) {
      running.interrupt();
      try {
        running.join(TimeUnit.SECONDS.toMillis(5));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    deliveries.shutdown();
  }

  /** One subscriber: a cursor, a listener, and at most one delivery running. */
  private final class Sub implements Subscription {
    private final Subject subject;
    private final Optional<ProjectId> project;
    private final ChangeListener listener;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private final AtomicBoolean ended = new AtomicBoolean();
    private volatile ChangeCursor cursor;
    private volatile long busySince;
    // A delivery failed on the catalog: the next tick tries again, wake-up or not.
    private volatile boolean stale;

    Sub(Subject subject, Optional<ProjectId> project, ChangeCursor cursor, ChangeListener listener) {
      this.subject = subject;
      this.project = project;
      this.cursor = cursor;
      this.listener = listener;
    }

    void kick() {
      again.set(true);
      if (!ended.get() && running.compareAndSet(false, true)) {
        deliveries.execute(this::deliver);
      }
    }

    private void deliver() {
      stale = false;
      try {
        while (again.getAndSet(false) && !ended.get()) {
          ChangePage page;
          do {
            page = read(subject, project, cursor);
            for (Change change : page.changes()) {
              if (ended.get()) {
                return;
              }
              busySince = System.nanoTime();
              listener.onChange(change);
              busySince = 0;
              cursor = change.cursor();
            }
            cursor = page.next();
          } while (page.changes().size() == PAGE && !ended.get());
        }
      } catch (StockageException e) {
        if (e.kind() == ErrorKind.RESYNC_REQUIRED) {
          end(CloseReason.RESYNC_REQUIRED);
        } else {
          // The catalog is away: the next wake-up or tick reads again from the same cursor.
          LOG.warn("delivering changes to a subscriber of {} failed (trying again): {}", subject.user(), e.toString());
          stale = true;
        }
      } catch (RuntimeException e) {
        LOG.warn("a change listener of {} threw; its subscription ends: {}", subject.user(), e.toString());
        end(CloseReason.LISTENER_FAILED);
      } finally {
        busySince = 0;
        running.set(false);
      }
      if (again.get() && !ended.get() && running.compareAndSet(false, true)) {
        deliveries.execute(this::deliver);
      }
    }

    void dropIfStalled(long limitNanos) {
      long since = busySince;
      if (since != 0 && System.nanoTime() - since > limitNanos) {
        end(CloseReason.SLOW_LISTENER);
      }
    }

    void end(CloseReason reason) {
      if (ended.compareAndSet(false, true)) {
        subscribers.remove(this);
        try {
          listener.onClosed(reason, cursor);
        } catch (RuntimeException e) {
          LOG.warn("a change listener of {} threw on close: {}", subject.user(), e.toString());
        }
      }
    }

    @Override
    public ChangeCursor cursor() {
      return cursor;
    }

    @Override
    public void close() {
      end(CloseReason.CLOSED);
    }
  }
}
