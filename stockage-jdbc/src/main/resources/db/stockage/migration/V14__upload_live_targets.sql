-- A resumable upload may write a file at a path of a live mount; completion is recorded for it too
-- (a live mount's file has no item id).
ALTER TABLE upload_sessions
    ADD COLUMN live_mount   text,
    ADD COLUMN live_path    text,
    ADD COLUMN completed_at timestamptz,
    DROP CONSTRAINT upload_sessions_target_check,
    ADD CONSTRAINT upload_sessions_target_check CHECK (
        (CASE WHEN name IS NOT NULL THEN 1 ELSE 0 END) + (CASE WHEN file_id IS NOT NULL THEN 1 ELSE 0 END)
        + (CASE WHEN live_path IS NOT NULL THEN 1 ELSE 0 END) = 1);
UPDATE upload_sessions SET completed_at = created_at WHERE item_id IS NOT NULL;
