package io.stockage.core;

import io.stockage.Mount;
import io.stockage.MountMode;
import io.stockage.ReconcileReport;
import io.stockage.core.internal.BlobKeys;
import io.stockage.core.internal.Contents;
import io.stockage.core.internal.EngineContext;
import io.stockage.spi.catalog.BlobIntent;
import io.stockage.spi.catalog.BlobRecord;
import io.stockage.spi.catalog.CatalogSession;
import io.stockage.spi.storage.ObjectInfo;
import io.stockage.spi.storage.ObjectPage;
import io.stockage.spi.storage.StorageProvider;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes what failures and purges leave behind on managed mounts: staging objects older than the
 * grace period, blobs no revision has referenced for the grace period, content whose upload
 * recorded its intent but never committed (a crash between promotion and commit), and multipart
 * uploads a failed write could not abort because the backend was down. Its cost follows the work
 * pending — the staging prefix, unreferenced rows, leftover intents — never the size of the
 * store. Content is deleted only under a claim on its key (a blob row of the deletion's own), so
 * it never races an upload that is promoting or referencing the same content, and no blob row
 * outlives its content. Safe to run on several nodes at once.
 */
public final class Reconciler {
  private static final Logger LOG = LoggerFactory.getLogger(Reconciler.class);
  private static final int PAGE = 500;

  private final EngineContext ctx;
  private final Duration grace;

  Reconciler(EngineContext ctx, Duration grace) {
    this.ctx = ctx;
    this.grace = grace;
  }

  /** One pass over every managed mount. */
  public ReconcileReport run() {
    Instant cutoff = ctx.clock().instant().minus(grace);
    int staging = 0;
    int unreferenced = 0;
    int orphans = 0;
    int uploads = 0;
    List<String> failed = new ArrayList<>();
    for (Mount mount : ctx.mounts().values()) {
      if (mount.mode() == MountMode.MANAGED) {
        try {
          staging += sweepStaging(mount, cutoff);
          unreferenced += sweepUnreferenced(mount, cutoff);
          orphans += sweepIntents(mount, cutoff);
          uploads += mount.provider().abortIncompleteUploads(cutoff);
        } catch (RuntimeException e) {
          // One mount down (or failing) does not stop the others; it is tried again next pass.
          LOG.warn("reconciler pass on mount {} failed: {}", mount.name(), e.toString());
          failed.add(mount.name());
        }
      }
    }
    ReconcileReport report = new ReconcileReport(staging, unreferenced, orphans, uploads, failed);
    if (report.total() > 0) {
      LOG.info("reconciler removed {}", report);
    }
    return report;
  }

  private int sweepStaging(Mount mount, Instant cutoff) {
    return forEachOlder(mount.provider(), BlobKeys.STAGING_PREFIX, cutoff, object -> {
      mount.provider().delete(object.key());
      return true;
    });
  }

  /**
   * Removes the blobs no revision has referenced since before the cutoff, a page at a time: a
   * first transaction deletes their rows and records an intent for each key in its place (dated
   * when the blob lost its last reference), a second removes the content as {@link #sweepIntents}
   * does. The content is never deleted while its row exists: should a deletion fail after the
   * bytes went (an answer lost), a row left behind would make the next upload of the same bytes
   * reference content that is gone; an intent left behind is swept at the next pass.
   */
  private int sweepUnreferenced(Mount mount, Instant cutoff) {
    int removed = 0;
    while (true) {
      List<BlobIntent> retired = ctx.catalog().inTransaction(session -> {
        List<BlobIntent> intents = new ArrayList<>();
        for (BlobRecord blob : session.blobs().lockUnreferenced(mount.name(), cutoff, PAGE)) {
          intents.add(session.blobs().intend(mount.name(), blob.key(), blob.unreferencedSince().orElse(cutoff)));
          session.blobs().delete(blob.id());
        }
        return intents;
      });
      removed += ctx.catalog().inTransaction(session -> removeUnclaimed(session, mount, retired));
      if (retired.size() < PAGE) {
        return removed;
      }
    }
  }

  /**
   * Removes the content of uploads that recorded their intent and never committed (a failure or a
   * crash between promotion and commit), and of removals that did not finish: an intent older than
   * the grace.
   */
  private int sweepIntents(Mount mount, Instant cutoff) {
    int removed = 0;
    while (true) {
      int[] batch = ctx.catalog().inTransaction(session -> {
        List<BlobIntent> intents = session.blobs().lockIntents(mount.name(), cutoff, PAGE);
        return new int[] {intents.size(), removeUnclaimed(session, mount, intents)};
      });
      removed += batch[1];
      if (batch[0] < PAGE) {
        return removed;
      }
    }
  }

  /**
   * Removes the content under each intent's key that no blob row claims, and the intents; returns
   * how many keys it removed. Claiming the key (inserting its row) waits for an upload that is
   * promoting it, then finds its row; the claim holds the key while its content is deleted, and
   * goes with it.
   */
  private int removeUnclaimed(CatalogSession session, Mount mount, List<BlobIntent> intents) {
    int removed = 0;
    for (BlobIntent intent : intents) {
      String sha = BlobKeys.shaOf(intent.key()).orElse("");
      Optional<BlobRecord> claim = session.blobs().insertIfAbsent(mount.name(), intent.key(), sha, 0,
          ctx.clock().instant());
      if (claim.isPresent()) {
        Contents.deleteAllVersions(mount, intent.key());
        session.blobs().delete(claim.get().id());
        removed++;
      }
      session.blobs().fulfil(intent.id());
    }
    return removed;
  }

  /** Visits the objects under the prefix last written before the cutoff, page by page. */
  private static int forEachOlder(StorageProvider provider, String prefix, Instant cutoff,
      Predicate<ObjectInfo> removal) {
    int removed = 0;
    Optional<String> after = Optional.empty();
    do {
      ObjectPage page = provider.list(prefix, after, PAGE);
      for (ObjectInfo object : page.objects()) {
        if (object.lastModified().isBefore(cutoff) && removal.test(object)) {
          removed++;
        }
      }
      after = page.next();
    } while (after.isPresent());
    return removed;
  }
}
