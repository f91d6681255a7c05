-- Resumable uploads assemble one staging object per session (uploads/{id}/data) instead of an
-- object per chunk: written in place on a mount that writes at an offset, or as a multipart upload
-- on an object store, whose id, part size and parts are kept here. upload_chunks now holds only
-- the pieces of a part not yet full (objects under uploads/{id}/), in order.
ALTER TABLE upload_sessions
    ADD COLUMN multipart_id text,
    ADD COLUMN part_size    bigint NOT NULL DEFAULT 0;

CREATE TABLE upload_parts (
    session_id  uuid    NOT NULL REFERENCES upload_sessions (id) ON DELETE CASCADE,
    part_number integer NOT NULL CHECK (part_number BETWEEN 1 AND 10000),
    part_offset bigint  NOT NULL,
    size        bigint  NOT NULL,
    etag        text    NOT NULL,
    PRIMARY KEY (session_id, part_number)
);
