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
 */
public record IndexJob(long id, OrgId org, ItemId item, OptionalInt revision, int attempts) {
  /** Validates. */
  public IndexJob {
    Objects.requireNonNull(org, "org");
    Objects.requireNonNull(item, "item");
    Objects.requireNonNull(revision, "revision");
  }
}
