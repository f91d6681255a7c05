-- Locks on files for online editors: one per managed file, or per live mount's path.
CREATE TABLE locks (
    org_id     text        NOT NULL,
    item_id    uuid        REFERENCES items (id) ON DELETE CASCADE,
    mount      text,
    path       text,
    lock_id    text        NOT NULL CHECK (length(lock_id) BETWEEN 1 AND 1024),
    owner_id   text        NOT NULL,
    locked_at  timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    CONSTRAINT locks_target_check CHECK ((item_id IS NULL) = (mount IS NOT NULL) AND (mount IS NULL) = (path IS NULL))
);
CREATE UNIQUE INDEX locks_item_uq ON locks (item_id) WHERE item_id IS NOT NULL;
CREATE UNIQUE INDEX locks_path_uq ON locks (org_id, mount, path) WHERE item_id IS NULL;
