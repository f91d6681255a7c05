package io.stockage.spi.catalog;

import io.stockage.OrgId;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the watcher of each live mount last saw on its backend, and which node watches it: the
 * next scan reports the difference as changes of the feed, on whatever node runs it.
 */
public interface LiveEntryRecords {

  /** An entry as a scan saw it. */
  record Seen(boolean directory, long size, Instant modified) {
    /** Validates. */
    public Seen {
      Objects.requireNonNull(modified, "modified");
    }
  }

  /**
   * Takes or renews the node's lease on watching the mount until the instant, when no other node
   * holds one; returns the time of the last scan recorded (empty: never scanned, so the next scan
   * is a baseline), or empty with {@code false} when another node holds the lease.
   */
  Lease lease(String mount, String node, Instant now, Instant until);

  /** The result of {@link #lease}. */
  record Lease(boolean held, Optional<Instant> lastScan) {}

  /** Every entry last seen on the mount, by path. */
  Map<String, Seen> seen(String mount);

  /** Records what a scan found changed: entries put or removed, and the scan's time. */
  void record(String mount, OrgId org, Map<String, Seen> put, Iterable<String> removed, Instant scannedAt);
}
