package io.stockage.spi.catalog;

import io.stockage.ItemId;
import io.stockage.OrgId;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * A claimed index job: refresh the search document of an item.
 *
 * @param id the job's id
 * @param org the item's organization
 * @param item the item
 * @param revision the file's revision the change left; empty for a folder
 * @param attempts the tries so far, this one included
 * @param reason why it was queued: the change's kind, or {@link #REINDEX}
 */
public record IndexJob(long id, OrgId org, ItemId item, OptionalInt revision, int attempts, String reason) {
  /** The reason of the jobs a reindex pass queues. */
  public static final String REINDEX = "reindex";

  /** Validates. */
  public IndexJob {
    Objects.requireNonNull(org, "org");
    Objects.requireNonNull(item, "item");
    Objects.requireNonNull(revision, "revision");
    Objects.requireNonNull(reason, "reason");
  }

  /** Whether a reindex pass queued it (it also makes what an indexed revision lacks, its thumbnail). */
  public boolean reindex() {
    return REINDEX.equals(reason);
  }
}
