package io.stockage.core.internal;

import io.stockage.Item;
import io.stockage.Mount;
import io.stockage.core.internal.diff.DiffLimits;
import io.stockage.core.internal.diff.Extracted;
import io.stockage.core.internal.diff.RevisionDiffer;
import io.stockage.core.internal.diff.Side;
import io.stockage.core.internal.diff.Thumbnails;
import io.stockage.spi.catalog.IndexJob;
import io.stockage.spi.catalog.RevisionRecord;
import io.stockage.spi.catalog.SearchDocument;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The indexing worker of one engine: it leases due jobs from the catalog's queue, refreshes each
 * item's search document, and ends the job in the transaction that writes the document. Every
 * node runs one; jobs are leased with {@code FOR UPDATE SKIP LOCKED}, so nodes share the queue,
 * and a job whose node died is leased again once its lease runs out. A job is idempotent: it
 * writes the document of the item as it is when the job runs; a job for a revision that is no
 * longer current only ends (the newer revision's job does the work); text is extracted again
 * only for a revision the document does not hold yet.
 */
public final class Indexer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Indexer.class);
  /** Tries before a job is kept as failed. */
  static final int MAX_ATTEMPTS = 5;
  private static final int BATCH = 4;

  private final EngineContext ctx;
  private final Options options;
  private final String node = "node-" + UUID.randomUUID();
  private final RevisionDiffer extractor;
  private final Thumbnails thumbnails;
  private final ScheduledExecutorService executor;

  /**
   * How the worker runs.
   *
   * @param poll how often it looks for due jobs when the queue was empty
   * @param lease how long a leased job stays with this node before another may take it
   * @param limits the extraction limits (text size, time)
   * @param enabled whether the worker runs at all (a node may leave indexing to others)
   * @param workers how many threads lease and do jobs side by side
   */
  public record Options(Duration poll, Duration lease, DiffLimits limits, boolean enabled, int workers) {
    /** Validates. */
    public Options {
      if (workers < 1) {
        throw new IllegalArgumentException("indexing needs at least one worker thread");
      }
    }

    /**
     * The defaults: one thread per processor up to 4 (PostgreSQL parses each document's text on
     * the connection that writes it: two writers use two cores), polling every 250 ms, 5-minute
     * leases, 2 MB of text (more than the index keeps) read in 30 s at most.
     */
    public static Options defaults() {
      return new Options(Duration.ofMillis(250), Duration.ofMinutes(5),
          DiffLimits.of(2L << 20, 100_000).withTimeout(Duration.ofSeconds(30)), true,
          Math.min(4, Runtime.getRuntime().availableProcessors()));
    }

    /** The same with that many worker threads. */
    public Options withWorkers(int count) {
      return new Options(poll, lease, limits, enabled, count);
    }
  }

  /** A worker over the engine's context; call {@link #start()} to run it. */
  public Indexer(EngineContext ctx, Options options) {
    this.ctx = ctx;
    this.options = options;
    this.extractor = RevisionDiffer.create(options.limits());
    this.thumbnails = new Thumbnails(options.limits());
    java.util.concurrent.atomic.AtomicInteger threads = new java.util.concurrent.atomic.AtomicInteger();
    this.executor = Executors.newScheduledThreadPool(options.workers(), runnable -> {
      Thread thread = new Thread(runnable, "stockage-indexer-" + threads.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
  }

  /** Starts polling, when enabled. */
  public void start() {
    if (options.enabled()) {
      long millis = Math.max(1, options.poll().toMillis());
      // Each worker leases batches of its own (FOR UPDATE SKIP LOCKED): they never share a job.
      for (int i = 0; i < options.workers(); i++) {
        executor.scheduleWithFixedDelay(this::drain, millis, millis, TimeUnit.MILLISECONDS);
      }
    }
  }

  // Works through due jobs until the queue has none; a failure is logged, the next poll goes on.
  private void drain() {
    try {
      while (runOnce() == BATCH) {
        // a full batch: more may be due
      }
    } catch (RuntimeException e) {
      LOG.warn("indexing pass failed: {}", e.toString());
    }
  }

  /** Leases a batch of due jobs and does them; returns how many it leased. */
  public int runOnce() {
    Instant now = ctx.clock().instant();
    // One statement: it needs no transaction around it (nor the round trip that would end one).
    List<IndexJob> jobs = ctx.catalog().autocommit(s -> s.search().claim(node, now, now.plus(options.lease()), BATCH));
    for (IndexJob job : jobs) {
      try {
        run(job);
      } catch (RuntimeException e) {
        fail(job, e);
      }
    }
    return jobs.size();
  }

  private void run(IndexJob job) {
    Snapshot snapshot = ctx.catalog().read(s -> {
      Optional<Item> item = s.items().find(job.item());
      if (item.isEmpty()) {
        return new Snapshot(Optional.empty(), Optional.empty(), Optional.empty(), false);
      }
      Item i = item.get();
      Optional<RevisionRecord> revision = i.isFolder() ? Optional.empty()
          : Optional.of(Contents.revision(s, i.id(), i.revision()));
      // A reindex also makes the thumbnail a revision indexed before thumbnails existed lacks.
      boolean lacksThumbnail = job.reindex() && revision.isPresent() && Thumbnails.makes(i.mimeType())
          && s.revisions().thumbnail(i.id(), i.revision()).isEmpty();
      return new Snapshot(item, s.search().document(i.id()), revision, lacksThumbnail);
    });
    if (snapshot.item().isEmpty()) {
      // Purged: the document went with the item's row.
      ctx.catalog().inTransaction(s -> s.search().complete(job, node, Optional.empty(), ctx.clock().instant()));
      return;
    }
    Item item = snapshot.item().get();
    if (job.revision().isPresent() && item.revision() > job.revision().getAsInt()) {
      ctx.catalog().autocommit(s -> s.search().drop(job, node));
      return;
    }
    Optional<Extracted> extracted = extracts(job, item, snapshot)
        ? Optional.of(extractor.extract(side(snapshot.revision().get(), ctx.mount(item.mount()))))
        : Optional.empty();
    SearchDocument document = document(item, snapshot, extracted);
    // Made with the extraction, once per revision (a PDF's first page by the extraction itself, from
    // the document it loaded), or by a reindex for a revision without one.
    boolean byExtraction = extracted.isPresent() && Thumbnails.madeByExtraction(item.mimeType());
    Optional<byte[]> thumbnail = byExtraction ? extracted.get().thumbnail()
        : extracted.isPresent() || snapshot.lacksThumbnail()
            ? thumbnails.render(side(snapshot.revision().get(), ctx.mount(item.mount())), document.properties())
            : Optional.empty();
    ctx.catalog().inTransaction(s -> {
      boolean held = s.search().complete(job, node, Optional.of(document), ctx.clock().instant());
      if (held && document.revision().isPresent()) {
        int number = document.revision().getAsInt();
        s.revisions().describe(item.id(), number, document.properties());
        thumbnail.ifPresent(png -> s.revisions().thumbnail(item.id(), number, png));
      }
      return held;
    });
  }

  /**
   * Whether the item's current revision is to be extracted: a file whose document holds another,
   * or any file for a reindex — which is how a newer extraction reaches what was indexed before.
   */
  private static boolean extracts(IndexJob job, Item item, Snapshot snapshot) {
    OptionalInt revision = item.isFolder() ? OptionalInt.empty() : OptionalInt.of(item.revision());
    boolean held = snapshot.document().isPresent() && snapshot.document().get().revision().equals(revision);
    return (!held || job.reindex()) && snapshot.revision().isPresent();
  }

  private SearchDocument document(Item item, Snapshot snapshot, Optional<Extracted> extraction) {
    OptionalInt revision = item.isFolder() ? OptionalInt.empty() : OptionalInt.of(item.revision());
    String body = "";
    Map<String, String> properties = Map.of();
    Optional<String> error = Optional.empty();
    List<String> keywords = List.of();
    Optional<SearchDocument> held = snapshot.document();
    if (extraction.isPresent()) {
      Extracted extracted = extraction.get();
      body = extracted.text();
      properties = extracted.properties();
      error = extracted.error();
      keywords = Keywords.of(body);
    } else if (held.isPresent() && held.get().revision().equals(revision)) {
      body = held.get().body();
      properties = held.get().properties();
      error = held.get().error();
      keywords = held.get().keywords();
    }
    List<String> metadata = new ArrayList<>(item.tags());
    metadata.addAll(keywords);
    item.customFields().values().forEach(v -> metadata.add(String.valueOf(v)));
    metadata.addAll(properties.values());
    return new SearchDocument(item.id(), item.org(), revision, item.name(), String.join(" ", metadata), body, keywords,
        properties, error, ctx.clock().instant());
  }

  private static Side side(RevisionRecord record, Mount mount) {
    var r = record.revision();
    return new Side(r.number(), r.mimeType(), r.size(), r.sha256(),
        () -> Contents.open(mount, record, Optional.empty()).stream());
  }

  private void fail(IndexJob job, RuntimeException e) {
    String error = e.toString();
    Optional<Instant> retry = job.attempts() >= MAX_ATTEMPTS ? Optional.empty()
        : Optional.of(ctx.clock().instant().plusSeconds(1L << Math.min(job.attempts(), 10)));
    LOG.warn("index job {} for item {} failed (try {}{}): {}", job.id(), job.item(), job.attempts(),
        retry.isEmpty() ? ", the last" : "", error);
    try {
      ctx.catalog().inTransaction(s -> {
        s.search().fail(job, node, error, retry);
        return null;
      });
    } catch (RuntimeException again) {
      // The lease runs out and the job is leased again.
      LOG.warn("recording the failure of index job {} failed: {}", job.id(), again.toString());
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
    try {
      executor.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** What a job reads before it extracts, outside any transaction. */
  private record Snapshot(Optional<Item> item, Optional<SearchDocument> document, Optional<RevisionRecord> revision,
      boolean lacksThumbnail) {}
}
