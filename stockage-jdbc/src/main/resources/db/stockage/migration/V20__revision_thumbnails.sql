-- A small PNG per revision (a PDF's first page, an image scaled down, a 3D model's schematic),
-- written by the indexing worker with the revision's properties; it goes with its revision.
CREATE TABLE revision_thumbnails (
    item_id  uuid NOT NULL,
    number   integer NOT NULL,
    png      bytea NOT NULL,
    PRIMARY KEY (item_id, number),
    FOREIGN KEY (item_id, number) REFERENCES revisions (item_id, number) ON DELETE CASCADE
);
