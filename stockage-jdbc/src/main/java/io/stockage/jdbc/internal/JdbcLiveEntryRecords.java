package io.stockage.jdbc.internal;

import io.stockage.OrgId;
import io.stockage.spi.catalog.LiveEntryRecords;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/** {@code live_entries} and {@code live_watch_leases}. */
public final class JdbcLiveEntryRecords implements LiveEntryRecords {
  private final Handle handle;

  /** Records on the transaction's handle. */
  public JdbcLiveEntryRecords(Handle handle) {
    this.handle = Objects.requireNonNull(handle, "handle");
  }

  @Override
  public Lease lease(String mount, String node, Instant now, Instant until) {
    return handle.createQuery("""
            INSERT INTO live_watch_leases (mount, node, until) VALUES (:mount, :node, :until)
            ON CONFLICT (mount) DO UPDATE SET node = EXCLUDED.node, until = EXCLUDED.until
            WHERE live_watch_leases.node = EXCLUDED.node OR live_watch_leases.until < :now
            RETURNING last_scan""")
        .bind("mount", mount)
        .bind("node", node)
        .bind("now", Rows.at(now))
        .bind("until", Rows.at(until))
        .map((rows, ctx) -> Rows.optionalInstant(rows, "last_scan"))
        .findOne()
        .map(last -> new Lease(true, last))
        .orElse(new Lease(false, Optional.empty()));
  }

  @Override
  public Map<String, Seen> seen(String mount) {
    Map<String, Seen> seen = new HashMap<>();
    handle.createQuery("SELECT path, directory, size, modified FROM live_entries WHERE mount = :mount")
        .bind("mount", mount)
        .map((rows, ctx) -> Map.entry(rows.getString("path"),
            new Seen(rows.getBoolean("directory"), rows.getLong("size"), Rows.instant(rows, "modified"))))
        .forEach(e -> seen.put(e.getKey(), e.getValue()));
    return seen;
  }

  @Override
  public void record(String mount, OrgId org, Map<String, Seen> put, Iterable<String> removed, Instant scannedAt) {
    if (!put.isEmpty()) {
      PreparedBatch batch = handle.prepareBatch("""
          INSERT INTO live_entries (mount, org_id, path, directory, size, modified)
          VALUES (:mount, :org, :path, :directory, :size, :modified)
          ON CONFLICT (mount, path) DO UPDATE SET directory = EXCLUDED.directory, size = EXCLUDED.size,
            modified = EXCLUDED.modified""");
      put.forEach((path, seen) -> batch.bind("mount", mount).bind("org", org.value()).bind("path", path)
          .bind("directory", seen.directory()).bind("size", seen.size()).bind("modified", Rows.at(seen.modified()))
          .add());
      batch.execute();
    }
    PreparedBatch gone = handle.prepareBatch("DELETE FROM live_entries WHERE mount = :mount AND path = :path");
    boolean any = false;
    for (String path : removed) {
      gone.bind("mount", mount).bind("path", path).add();
      any = true;
    }
    if (any) {
      gone.execute();
    }
    handle.createUpdate("UPDATE live_watch_leases SET last_scan = :at WHERE mount = :mount")
        .bind("at", Rows.at(scannedAt))
        .bind("mount", mount)
        .execute();
  }
}
