-- What indexing costs PostgreSQL (docs/architecture.md, "What writing a document costs").
--
-- The vector index's pending list: each insert appends its document's lexemes to it, and an insert
-- that finds it past its limit merges it into the index's tree, unless another is merging already.
-- With the default limit (4 MB) and two workers writing, the merges fell behind: after 100,000
-- documents the list held 148 MB and 273 MB in two runs, each search read it whole, and the vacuum
-- after took 12 s. With 16 MB a merge takes four times the entries for about the same tree work,
-- and the list ended at 2 MB (vacuum 3.5 s).
ALTER INDEX search_documents_tsv_idx SET (gin_pending_list_limit = 16384);

-- A tsvector does not compress (sorted lexemes, packed positions): pglz tried on every insert and
-- kept the vector as it was. Stored out of line without the attempt; the same bytes either way.
ALTER TABLE search_documents ALTER COLUMN tsv SET STORAGE EXTERNAL;
