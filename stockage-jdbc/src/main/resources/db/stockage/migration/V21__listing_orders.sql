-- A folder listed by the most recent change or by size, folders first, paged by keyset like the
-- name order (items_children_keyset_idx): each page is one range scan of its own index, read
-- backwards (descending), carrying what the visibility filter reads.
CREATE INDEX items_children_newest_idx
    ON items (project_id, (coalesce(parent_id, project_id)), ((type = 'FOLDER')), updated_at, id)
    INCLUDE (vault, owner_id)
    WHERE deleted_at IS NULL;
CREATE INDEX items_children_largest_idx
    ON items (project_id, (coalesce(parent_id, project_id)), ((type = 'FOLDER')), size, id)
    INCLUDE (vault, owner_id)
    WHERE deleted_at IS NULL;
