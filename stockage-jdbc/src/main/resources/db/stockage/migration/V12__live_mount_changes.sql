-- Changes seen on a live mount's backend: no project, no item, no actor; a mount and a path.
ALTER TABLE changes
    ALTER COLUMN project_id DROP NOT NULL,
    ALTER COLUMN actor DROP NOT NULL,
    ADD COLUMN mount text,
    ADD COLUMN path  text,
    ADD CONSTRAINT changes_scope_check CHECK ((project_id IS NULL) = (path IS NOT NULL));

-- What the watcher of each live mount saw at its last scan: the next one reports the difference.
CREATE TABLE live_entries (
    mount     text        NOT NULL,
    org_id    text        NOT NULL,
    path      text        NOT NULL,
    directory boolean     NOT NULL,
    size      bigint      NOT NULL,
    modified  timestamptz NOT NULL,
    PRIMARY KEY (mount, path)
);

-- One node scans a live mount at a time, by lease; last_scan NULL: the next scan is a baseline.
CREATE TABLE live_watch_leases (
    mount     text PRIMARY KEY,
    node      text        NOT NULL,
    until     timestamptz NOT NULL,
    last_scan timestamptz
);
