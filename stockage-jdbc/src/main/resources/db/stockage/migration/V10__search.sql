-- intelligent_indexing: a durable queue of index jobs, and one search document per item.

-- unaccent and pg_trgm are trusted extensions (PostgreSQL 13+): a database owner may create them.
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- English and French, accents ignored: each word goes through unaccent, then the language's
-- Snowball stemmer. A document is indexed in both (its tsvector is the two concatenated), and a
-- query is parsed in both and OR-ed, so "poutres" finds "poutre" and "bridges" finds "bridge".
CREATE TEXT SEARCH CONFIGURATION stockage_en (COPY = pg_catalog.english);
ALTER TEXT SEARCH CONFIGURATION stockage_en
    ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem;
CREATE TEXT SEARCH CONFIGURATION stockage_fr (COPY = pg_catalog.french);
ALTER TEXT SEARCH CONFIGURATION stockage_fr
    ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;

-- One job per change that needs the index refreshed, written in the change's transaction. A
-- worker leases a job (leased_by, leased_until), does it, and deletes it in the transaction that
-- writes the document; a lease that runs out (a dead node) makes the job claimable again. After
-- the last try the job stays, with failed_at and its error.
CREATE TABLE index_jobs (
    id            bigserial PRIMARY KEY,
    org_id        text NOT NULL,
    item_id       uuid NOT NULL,
    revision      integer,
    reason        text NOT NULL,
    attempts      integer NOT NULL DEFAULT 0,
    run_after     timestamptz NOT NULL,
    leased_by     text,
    leased_until  timestamptz,
    last_error    text,
    failed_at     timestamptz,
    created_at    timestamptz NOT NULL
);
CREATE INDEX index_jobs_ready_idx ON index_jobs (run_after, id) WHERE failed_at IS NULL;
CREATE INDEX index_jobs_item_idx ON index_jobs (item_id);

-- What search reads: the item's weighted tsvector (name A; tags, keywords, fields, properties B;
-- body C), its name without accents for partial matches (trigrams), a capped body for snippets,
-- and what extraction found. Permission and trash state are read from items at query time.
CREATE TABLE search_documents (
    item_id     uuid PRIMARY KEY REFERENCES items (id) ON DELETE CASCADE,
    org_id      text NOT NULL,
    revision    integer,
    name_key    text NOT NULL,
    tsv         tsvector NOT NULL,
    body        text NOT NULL DEFAULT '',
    keywords    text[] NOT NULL DEFAULT '{}',
    properties  jsonb NOT NULL DEFAULT '{}',
    error       text,
    indexed_at  timestamptz NOT NULL
);
CREATE INDEX search_documents_tsv_idx ON search_documents USING gin (tsv);
CREATE INDEX search_documents_name_idx ON search_documents USING gin (name_key gin_trgm_ops);
CREATE INDEX search_documents_org_idx ON search_documents (org_id);
