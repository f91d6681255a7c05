-- What an upload is about to store (DESIGN §3 step 4): written and committed before the content is
-- moved onto its key, deleted by the transaction that records the content. What is left after the
-- reconciler's grace is the work of an upload that failed or crashed between the two: the
-- reconciler removes its content unless a blob row claims the key. Its cost follows the pending
-- work, not the size of the store (it no longer lists every stored object).
CREATE TABLE blob_intents (
  id          bigserial   NOT NULL CONSTRAINT blob_intents_pkey PRIMARY KEY,
  mount       text        NOT NULL,
  key         text        NOT NULL,
  created_at  timestamptz NOT NULL
);
CREATE INDEX blob_intents_mount_created_idx ON blob_intents (mount, created_at);
