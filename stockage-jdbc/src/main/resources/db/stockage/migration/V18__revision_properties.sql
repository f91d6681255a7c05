-- What extraction found in each revision (pages, title, dimensions, mesh names...), written by the
-- indexing worker when it indexes that revision: a file's history shows each revision's properties.
ALTER TABLE revisions ADD COLUMN properties jsonb NOT NULL DEFAULT '{}';
