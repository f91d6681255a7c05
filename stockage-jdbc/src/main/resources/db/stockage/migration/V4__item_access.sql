-- Per-item access entries (DESIGN §4): a user or a team holds a role on an item and, for a
-- folder, on everything below it. Entries only add access.
CREATE TABLE item_access (
  item_id        uuid        NOT NULL REFERENCES items (id) ON DELETE CASCADE,
  principal_type text        NOT NULL CONSTRAINT item_access_principal_type_check
                               CHECK (principal_type IN ('USER', 'TEAM')),
  principal_id   text        NOT NULL,
  role           text        NOT NULL CONSTRAINT item_access_role_check
                               CHECK (role IN ('VIEWER', 'EDITOR', 'ADMIN')),
  granted_by     text        NOT NULL,
  granted_at     timestamptz NOT NULL,
  CONSTRAINT item_access_pkey PRIMARY KEY (item_id, principal_type, principal_id)
);
-- "What was shared with this user or team": the vault listing.
CREATE INDEX item_access_principal_idx ON item_access (principal_type, principal_id);

-- A folder's children in listing order, with what the permission filter reads, so that a page
-- is an index-only range scan even when most rows are filtered out by permission.
CREATE INDEX items_children_order_idx
    ON items (project_id, (coalesce(parent_id, project_id)), ((type = 'FOLDER')) DESC, name COLLATE "C", id)
    INCLUDE (vault, owner_id)
    WHERE deleted_at IS NULL;

-- Vault listings: a user's own vault items.
CREATE INDEX items_vault_owner_idx ON items (org_id, owner_id) WHERE vault AND deleted_at IS NULL;
