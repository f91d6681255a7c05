-- A search by a subject who sees a few projects reads only the documents of those projects that
-- match its words: the project is on the document (an item never changes project), so the
-- planner can intersect the word's GIN bitmap with the projects' (a BitmapAnd) instead of reading
-- every matching document and joining it to items to learn its project. The items a subject owns
-- are found by an index of their owner.
ALTER TABLE search_documents ADD COLUMN project_id uuid;
UPDATE search_documents d SET project_id = i.project_id FROM items i WHERE i.id = d.item_id;
ALTER TABLE search_documents ALTER COLUMN project_id SET NOT NULL;
CREATE INDEX search_documents_project_idx ON search_documents (project_id);
CREATE INDEX items_owner_idx ON items (org_id, owner_id);
