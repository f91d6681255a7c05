-- Storage limits: one row for an organization (project_id NULL) and one per limited project.
CREATE TABLE quotas (
    org_id      text   NOT NULL,
    project_id  uuid   REFERENCES projects (id) ON DELETE CASCADE,
    limit_bytes bigint NOT NULL CHECK (limit_bytes >= 0)
);
CREATE UNIQUE INDEX quotas_org_uq ON quotas (org_id) WHERE project_id IS NULL;
CREATE UNIQUE INDEX quotas_project_uq ON quotas (project_id) WHERE project_id IS NOT NULL;
-- Usage sums a scope's revisions by content: revisions are reached through the items of the scope.
CREATE INDEX IF NOT EXISTS items_org_project_idx ON items (org_id, project_id);
