-- Revisions on mounts with NATIVE versioning name the backend's version of the item's key;
-- content-addressed revisions leave it null.
ALTER TABLE revisions ADD COLUMN version_id text NULL;
