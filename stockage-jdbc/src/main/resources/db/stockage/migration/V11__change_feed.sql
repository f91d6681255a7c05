-- The change feed in commit order (DESIGN §4, real_time_sync). A row's place is (xid, seq): the
-- id of the transaction that wrote it, then its number. Readers take only rows of transactions
-- below their snapshot's xmin, all of which have ended, so a row that commits late always lies
-- after every cursor already handed out. A bigserial alone does not: it is taken at insert.
ALTER TABLE changes
    ADD COLUMN xid            xid8 NOT NULL DEFAULT pg_current_xact_id(),
    -- Where the item is after the change, and its name: what a reader is shown.
    ADD COLUMN parent_id      uuid,
    ADD COLUMN name           text,
    -- For a move, the folder it left (NULL: the root): who saw it there lost it if they cannot see it now.
    ADD COLUMN from_parent_id uuid,
    -- For a change of access, whose access changed (an entry revoked, a member removed).
    ADD COLUMN principal_type text CHECK (principal_type IN ('USER', 'TEAM')),
    ADD COLUMN principal_id   text,
    -- What deciding who may read a purge needs once the item is gone: its vault flag, its owner,
    -- and the principals holding an entry on it or a folder above it when it was purged.
    ADD COLUMN vault          boolean NOT NULL DEFAULT false,
    ADD COLUMN owner_id       text,
    ADD COLUMN viewers        text[] NOT NULL DEFAULT '{}';

UPDATE changes SET kind = 'TRASHED' WHERE kind = 'REMOVED';

DROP INDEX changes_org_seq_idx;
CREATE INDEX changes_org_position_idx ON changes (org_id, xid, seq);
-- The relay of each node reads every organization's rows past its cursor.
CREATE INDEX changes_position_idx ON changes (xid, seq);

-- The position of the last row retention removed: a cursor before it cannot be served (resync).
CREATE TABLE change_feed_floor (
    singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    xid       xid8    NOT NULL,
    seq       bigint  NOT NULL
);
INSERT INTO change_feed_floor (xid, seq) VALUES ('0', 0);
