package io.stockage.core;

import io.stockage.RetentionPolicy;
import io.stockage.core.internal.Contents;
import io.stockage.core.internal.EngineContext;
import io.stockage.spi.catalog.RevisionRecord;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prunes revisions the mounts' retention policies let go: never a file's current revision, and
 * content only through the blob reference counts, so a blob another revision still references
 * stays; the {@link Reconciler} removes the content nothing references any more. Run it on a
 * schedule (the Spring starter does, before each reconciler pass) or on demand.
 */
public final class Retention {
  private static final Logger LOG = LoggerFactory.getLogger(Retention.class);
  private static final int BATCH = 500;

  private final EngineContext ctx;

  Retention(EngineContext ctx) {
    this.ctx = ctx;
  }

  /** One pass over every mount with a policy; returns the number of revisions pruned. */
  public int run() {
    int pruned = 0;
    for (Map.Entry<String, RetentionPolicy> entry : ctx.retention().entrySet()) {
      if (entry.getValue().prunes()) {
        pruned += prune(entry.getKey(), entry.getValue());
      }
    }
    if (pruned > 0) {
      LOG.info("retention pruned {} revisions", pruned);
    }
    return pruned;
  }

  private int prune(String mount, RetentionPolicy policy) {
    Instant now = ctx.clock().instant();
    Instant cutoff = policy.maxAge().map(now::minus).orElse(now);
    int pruned = 0;
    while (true) {
      List<RevisionRecord> batch = ctx.catalog().inTransaction(session -> {
        List<RevisionRecord> prunable = session.revisions().prunable(mount, policy, cutoff, BATCH);
        for (RevisionRecord revision : prunable) {
          session.revisions().delete(revision.revision().item(), revision.revision().number())
              .ifPresent(blob -> session.blobs().release(blob, now));
        }
        return prunable;
      });
      // Native versions go with their revisions once the rows are gone; blobs wait for the reconciler.
      batch.forEach(revision -> Contents.deleteVersion(ctx.mount(mount), revision));
      pruned += batch.size();
      if (batch.size() < BATCH) {
        return pruned;
      }
    }
  }
}
