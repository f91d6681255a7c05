-- Search gathers what a subject may see before it matches words: the items it owns are one part of
-- it (an owner keeps its item after leaving the item's project), found without a scan of the items.
CREATE INDEX items_owner_idx ON items (org_id, owner_id) WHERE deleted_at IS NULL;
