-- Resumable uploads: a session per upload, and the chunks it stored (objects under uploads/{id}/
-- of the session's mount), in order. The offset moves only when a chunk's object is written.
CREATE TABLE upload_sessions (
    id            uuid PRIMARY KEY,
    org_id        text        NOT NULL,
    owner_id      text        NOT NULL,
    mount         text        NOT NULL,
    -- A new file: project, folder (NULL: the root) and name; a new revision: the file.
    project_slug  text,
    folder_id     uuid,
    name          text,
    file_id       uuid,
    length        bigint CHECK (length >= 0),
    upload_offset bigint      NOT NULL DEFAULT 0,
    -- One append at a time, on any node: a lease a stalled client loses after seconds.
    lease_token   text,
    lease_until   timestamptz,
    created_at    timestamptz NOT NULL,
    expires_at    timestamptz NOT NULL,
    item_id       uuid,
    CONSTRAINT upload_sessions_target_check CHECK ((file_id IS NULL) = (name IS NOT NULL))
);
CREATE INDEX upload_sessions_expiry_idx ON upload_sessions (expires_at);

CREATE TABLE upload_chunks (
    session_id   uuid   NOT NULL REFERENCES upload_sessions (id) ON DELETE CASCADE,
    chunk_offset bigint NOT NULL,
    size         bigint NOT NULL,
    object_key   text   NOT NULL,
    PRIMARY KEY (session_id, chunk_offset)
);
