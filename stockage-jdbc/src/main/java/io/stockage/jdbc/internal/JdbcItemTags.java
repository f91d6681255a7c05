package io.stockage.jdbc.internal;

import io.stockage.Item;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * The tags of items: a tag is a row of {@code tags}, one per name and organization, and an item's
 * tags are its rows of {@code item_tags}. Tag rows are never deleted, so a tag found once stays
 * valid for the rest of the transaction. Reading is done by the item queries themselves
 * ({@link #NAMES}), so that listing a folder stays one statement.
 */
final class JdbcItemTags {
  /**
   * A lateral join giving {@code tg.names}, the sorted tag names of the item row {@code i}
   * (NULL when it has none): an aggregate per row inside the one statement, never a query per item.
   */
  static final String NAMES = " CROSS JOIN LATERAL (SELECT array_agg(t.name ORDER BY t.name) AS names"
      + " FROM item_tags it JOIN tags t ON t.id = it.tag_id WHERE it.item_id = i.id) tg";

  private JdbcItemTags() {}

  /**
   * Replaces the item's tags with {@code item.tags()}. One statement when they did not change (a
   * rename, a move or a new revision), three when some are new.
   */
  static void replace(Handle handle, Item item) {
    List<String> names = sorted(item.tags());
    // The data-modifying CTE runs to completion; the SELECT sees the rows as they were before it.
    Set<String> present = new HashSet<>(handle.createQuery("""
            WITH gone AS (
              DELETE FROM item_tags it USING tags t
              WHERE it.item_id = :item AND t.id = it.tag_id AND t.name <> ALL (CAST(:names AS text[])))
            SELECT t.name FROM item_tags it JOIN tags t ON t.id = it.tag_id WHERE it.item_id = :item""")
        .bind("item", item.id().value())
        .bindArray("names", String.class, names)
        .mapTo(String.class)
        .list());
    add(handle, item, names.stream().filter(name -> !present.contains(name)).toList());
  }

  /** Gives the item these tags (of its organization), creating the tags that do not exist yet. */
  static void add(Handle handle, Item item, List<String> names) {
    if (names.isEmpty()) {
      return;
    }
    // Sorted, so that two transactions creating the same new tags wait for each other in the same
    // order instead of deadlocking. DO NOTHING waits for a concurrent insert of the same name to
    // settle; the next statement (READ COMMITTED: a new snapshot) then sees the committed row.
    handle.createUpdate("""
            INSERT INTO tags (org_id, name) SELECT :org, n FROM unnest(CAST(:names AS text[])) AS n ORDER BY n
            ON CONFLICT (org_id, name) DO NOTHING""")
        .bind("org", item.org().value())
        .bindArray("names", String.class, names)
        .execute();
    handle.createUpdate("""
            INSERT INTO item_tags (item_id, tag_id)
            SELECT :item, t.id FROM tags t WHERE t.org_id = :org AND t.name = ANY (CAST(:names AS text[]))
            ON CONFLICT (item_id, tag_id) DO NOTHING""")
        .bind("item", item.id().value())
        .bind("org", item.org().value())
        .bindArray("names", String.class, names)
        .execute();
  }

  private static List<String> sorted(Set<String> tags) {
    return tags.stream().sorted().toList();
  }
}
