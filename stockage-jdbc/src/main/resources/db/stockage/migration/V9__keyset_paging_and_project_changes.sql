-- Keyset paging of a folder's children: the listing order as one ascending key, so that the
-- page after a cursor is one index range scan from the cursor, whatever its depth. It carries
-- what the permission filter reads, as the index it replaces did.
CREATE INDEX items_children_keyset_idx
    ON items (project_id, (coalesce(parent_id, project_id)), ((type <> 'FOLDER')), name COLLATE "C", id)
    INCLUDE (vault, owner_id)
    WHERE deleted_at IS NULL;
DROP INDEX items_children_order_idx;

-- A change of a project itself has no revision: NULL, not a magic 0.
ALTER TABLE changes ALTER COLUMN revision DROP NOT NULL, ALTER COLUMN revision DROP DEFAULT;
UPDATE changes SET revision = NULL WHERE item_id IS NULL;
