package io.stockage.spring;

import io.stockage.Stockage;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Runs {@link io.stockage.Maintenance}'s retention pass, the change feed's pruning, the expiry of
 * upload sessions, then its reconciler, on a daemon thread
 * at a fixed delay; a failed pass, whatever it threw, is logged and the next one runs on schedule.
 */
public final class ReconcilerSchedule implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ReconcilerSchedule.class);

  private final ScheduledExecutorService executor;

  ReconcilerSchedule(ObjectProvider<Stockage> stockage, Duration interval) {
    this(() -> stockage.ifAvailable(s -> {
      s.maintenance().applyRetention();
      s.maintenance().pruneChanges();
      s.maintenance().expireUploads();
      s.maintenance().reconcile();
    }), interval);
  }

  /** Runs {@code pass} at the interval, whatever it throws. */
  ReconcilerSchedule(Runnable pass, Duration interval) {
    this.executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "stockage-reconciler");
      thread.setDaemon(true);
      return thread;
    });
    long millis = interval.toMillis();
    executor.scheduleWithFixedDelay(() -> guarded(pass), millis, millis, TimeUnit.MILLISECONDS);
  }

  private static void guarded(Runnable pass) {
    try {
      pass.run();
    } catch (RuntimeException e) {
      // A scheduled task that throws is never run again: catch everything, the next pass may work.
      LOG.warn("reconciler pass failed, next one in the schedule: {}", e.toString());
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
