-- Roles on live mounts (VIEWER < EDITOR < MANAGER), per organization, for users and teams.
CREATE TABLE mount_members (
  mount          text        NOT NULL,
  org_id         text        NOT NULL REFERENCES organizations (id),
  principal_type text        NOT NULL CONSTRAINT mount_members_principal_type_check
                               CHECK (principal_type IN ('USER', 'TEAM')),
  principal_id   text        NOT NULL,
  role           text        NOT NULL CONSTRAINT mount_members_role_check
                               CHECK (role IN ('VIEWER', 'EDITOR', 'MANAGER')),
  granted_at     timestamptz NOT NULL,
  CONSTRAINT mount_members_pkey PRIMARY KEY (mount, org_id, principal_type, principal_id)
);
