package io.stockage.spi.catalog;

import io.stockage.AccessEntry;
import io.stockage.Item;
import io.stockage.Project;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An item with everything deciding a user's access to it reads, read together
 * ({@link ItemRecords#findWithAccess}).
 *
 * @param item the item
 * @param project its project
 * @param memberships the user's member rows in the project ({@link ProjectRecords#memberships})
 * @param entries the access entries that apply to the item for the user ({@link AclStore#applicable})
 * @param current a file's current revision with its content's location (empty for a folder): what a
 *     download opens, read with the rest
 */
public record ItemStanding(Item item, Project project, List<Membership> memberships, List<AccessEntry> entries,
    Optional<RevisionRecord> current) {
  /** Copies. */
  public ItemStanding {
    Objects.requireNonNull(item, "item");
    Objects.requireNonNull(project, "project");
    memberships = List.copyOf(memberships);
    entries = List.copyOf(entries);
    Objects.requireNonNull(current, "current");
  }
}
