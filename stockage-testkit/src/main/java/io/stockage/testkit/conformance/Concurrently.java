package io.stockage.testkit.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Runs tasks on their own threads, started together, and reports the first failure. */
final class Concurrently {
  private Concurrently() {}

  static void run(Runnable... tasks) throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(tasks.length);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (Runnable task : tasks) {
        futures.add(pool.submit(() -> {
          start.await();
          task.run();
          return null;
        }));
      }
      start.countDown();
      Throwable failure = null;
      for (Future<?> future : futures) {
        try {
          future.get(2, TimeUnit.MINUTES);
        } catch (ExecutionException e) {
          if (failure == null) {
            failure = e.getCause();
          } else {
            failure.addSuppressed(e.getCause());
          }
        } catch (TimeoutException e) {
          throw new AssertionError("a concurrent task did not finish within 2 minutes", e);
        }
      }
      if (failure instanceof Error error) {
        throw error;
      }
      if (failure != null) {
        throw new AssertionError("a concurrent task failed: " + failure, failure);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
