-- Share links (DESIGN §5 "Secure URLs"): anyone holding the token may download the file's current
-- content until expires_at, unless revoked. Only the SHA-256 of the token is kept: a database
-- dump does not hand out working links. Lookups are by token_hash (the unique index).
CREATE TABLE share_links (
  id          uuid        NOT NULL CONSTRAINT share_links_pkey PRIMARY KEY,
  org_id      text        NOT NULL,
  item_id     uuid        NOT NULL REFERENCES items (id) ON DELETE CASCADE,
  token_hash  text        NOT NULL CONSTRAINT share_links_token_hash_uq UNIQUE,
  created_by  text        NOT NULL,
  created_at  timestamptz NOT NULL,
  expires_at  timestamptz NOT NULL,
  revoked_at  timestamptz,
  CONSTRAINT share_links_expiry_check CHECK (expires_at > created_at)
);
-- Purging an item cascades here; the index keeps that delete from scanning the table.
CREATE INDEX share_links_item_idx ON share_links (item_id);
