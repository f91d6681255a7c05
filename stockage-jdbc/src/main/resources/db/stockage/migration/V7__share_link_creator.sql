-- A share link works only while its creator holds SHARE on the file (DESIGN §5). The decision
-- needs the creator's organization permissions, which only the host knows, at the time it acts:
-- the link keeps those it was created with. Links created before this migration get none, so
-- they work on only what the creator's project roles, entries and ownership give.
ALTER TABLE share_links ADD COLUMN creator_permissions text[] NOT NULL DEFAULT '{}';
