package io.stockage.core.internal;

import io.stockage.ChangeKind;
import io.stockage.Mount;
import io.stockage.MountMode;
import io.stockage.spi.catalog.ChangeRecord;
import io.stockage.spi.catalog.LiveEntryRecords.Lease;
import io.stockage.spi.catalog.LiveEntryRecords.Seen;
import io.stockage.spi.storage.DirectoryEntry;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts the changes made directly on live mounts' backends (an SMB share, a folder) into the
 * change feed. Every interval, one node — the holder of the mount's lease in the catalog — walks
 * the mount and compares what it finds with what the last scan recorded: a new path is
 * {@link ChangeKind#ADDED}, a file whose size or modification time moved is
 * {@link ChangeKind#UPDATED}, a path gone is {@link ChangeKind#PURGED} (only the topmost of a
 * removed subtree). A live entry has no id, so a rename is the old path purged and the new one
 * added. The first scan of a mount only records what is there. A provider that can watch its
 * backend (SMB2 CHANGE_NOTIFY) triggers a scan at each notification, so the interval is only the
 * fallback there. Stockage's own writes to a live
 * mount ask for a scan at once. Modification times are compared to the microsecond (what the
 * catalog keeps); a directory's own time is not compared (its entries' changes are reported).
 */
public final class LiveWatcher implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LiveWatcher.class);
  private static final String STAGING_PREFIX = ".stockage-tmp-";

  private final EngineContext ctx;
  private final Options options;
  private final String node = "node-" + UUID.randomUUID();
  private final ScheduledExecutorService executor;
  private final List<AutoCloseable> watches = new java.util.concurrent.CopyOnWriteArrayList<>();

  /**
   * How live mounts are watched.
   *
   * @param interval time between two scans of each live mount; zero for none on this node
   * @param maxEntries the most entries one scan walks (a larger mount is reported partly, with a warning)
   */
  public record Options(Duration interval, int maxEntries) {
    /** A scan a second, of at most 100,000 entries. */
    public static Options defaults() {
      return new Options(Duration.ofSeconds(1), 100_000);
    }
  }

  /** A watcher over the engine's live mounts; {@link #start()} runs it. */
  public LiveWatcher(EngineContext ctx, Options options) {
    this.ctx = ctx;
    this.options = options;
    this.executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "stockage-live-watcher");
      thread.setDaemon(true);
      return thread;
    });
  }

  /**
   * Starts scanning, when there is a live mount and an interval; a mount whose provider can watch
   * its backend (SMB) is also scanned at each of its notifications.
   */
  public void start() {
    if (!options.interval().isZero() && !liveMounts().isEmpty()) {
      long millis = options.interval().toMillis();
      executor.scheduleWithFixedDelay(() -> liveMounts().forEach(this::scanQuietly), millis, millis,
          TimeUnit.MILLISECONDS);
      for (Mount mount : liveMounts()) {
        mount.provider().watch(() -> touched(mount.name())).ifPresent(watches::add);
      }
    }
  }

  /** Scans the mount soon: Stockage itself just changed it. */
  public void touched(String mount) {
    Mount m = ctx.mounts().get(mount);
    if (m != null && !options.interval().isZero()) {
      try {
        executor.execute(() -> scanQuietly(m));
      } catch (RejectedExecutionException closing) {
        // the engine is closing
      }
    }
  }

  private List<Mount> liveMounts() {
    return ctx.mounts().values().stream().filter(m -> m.mode() == MountMode.LIVE).toList();
  }

  private void scanQuietly(Mount mount) {
    try {
      scan(mount);
    } catch (RuntimeException e) {
      LOG.warn("scanning live mount {} failed (next time, again): {}", mount.name(), e.toString());
    }
  }

  /** One scan of the mount, when this node holds its lease; returns how many changes it wrote. */
  int scan(Mount mount) {
    Instant now = ctx.clock().instant();
    Duration hold = options.interval().multipliedBy(5).compareTo(Duration.ofSeconds(10)) > 0
        ? options.interval().multipliedBy(5) : Duration.ofSeconds(10);
    Lease lease = ctx.catalog().inTransaction(s -> s.liveEntries().lease(mount.name(), node, now, now.plus(hold)));
    if (!lease.held()) {
      return 0;
    }
    Map<String, Seen> found = walk(mount);
    return ctx.catalog().inTransaction(s -> {
      Map<String, Seen> before = s.liveEntries().seen(mount.name());
      Map<String, Seen> put = new HashMap<>();
      List<ChangeRecord> changes = new ArrayList<>();
      io.stockage.OrgId org = mount.owner().orElseThrow();
      // In path order: a directory before what it holds.
      new java.util.TreeMap<>(found).forEach((path, seen) -> {
        Seen old = before.get(path);
        if (old == null || !old.equals(seen)) {
          put.put(path, seen);
          if (old == null || !seen.directory()) {
            changes.add(ChangeRecord.external(org, mount.name(), path, LivePaths.name(path),
                old == null ? ChangeKind.ADDED : ChangeKind.UPDATED, now));
          }
        }
      });
      List<String> removed = before.keySet().stream().filter(p -> !found.containsKey(p)).sorted().toList();
      for (String path : removed) {
        String parent = LivePaths.parent(path);
        if (parent.isEmpty() || found.containsKey(parent)) {
          changes.add(ChangeRecord.external(org, mount.name(), path, LivePaths.name(path), ChangeKind.PURGED, now));
        }
      }
      if (lease.lastScan().isPresent()) {
        changes.forEach(s.changes()::append);
      }
      s.liveEntries().record(mount.name(), org, put, removed, now);
      return lease.lastScan().isPresent() ? changes.size() : 0;
    });
  }

  // Every entry of the mount, breadth first, up to the cap.
  private Map<String, Seen> walk(Mount mount) {
    Map<String, Seen> found = new HashMap<>();
    Deque<String> directories = new ArrayDeque<>(List.of(""));
    while (!directories.isEmpty()) {
      String directory = directories.pop();
      for (DirectoryEntry entry : mount.provider().listDirectory(directory)) {
        if (entry.name().startsWith(STAGING_PREFIX)) {
          continue;
        }
        if (found.size() >= options.maxEntries()) {
          LOG.warn("live mount {} holds more than {} entries: the change feed reports the first ones only",
              mount.name(), options.maxEntries());
          return found;
        }
        String path = directory.isEmpty() ? entry.name() : directory + "/" + entry.name();
        found.put(path, new Seen(entry.directory(), entry.directory() ? 0 : entry.size(),
            entry.directory() ? Instant.EPOCH : entry.lastModified().truncatedTo(ChronoUnit.MICROS)));
        if (entry.directory()) {
          directories.add(path);
        }
      }
    }
    return found;
  }

  @Override
  public void close() {
    for (AutoCloseable watch : watches) {
      try {
        watch.close();
      } catch (Exception e) {
        LOG.warn("stopping a live mount's watch failed: {}", e.toString());
      }
    }
    executor.shutdownNow();
  }
}
