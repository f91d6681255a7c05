-- Stockage catalog, version 1 (PostgreSQL 15+).
-- Ids the host application assigns (organizations, users, teams) are text; ids Stockage assigns
-- (projects, items) are uuid. Constraint names are part of the contract: JdbcErrors turns a
-- violation of a named unique constraint into a message saying what clashed.

CREATE TABLE organizations (
    id          text PRIMARY KEY,
    created_at  timestamptz NOT NULL
);

CREATE TABLE projects (
    id           uuid PRIMARY KEY,
    org_id       text NOT NULL REFERENCES organizations (id),
    slug         text NOT NULL,
    title        text NOT NULL,
    description  text NOT NULL DEFAULT '',
    category     text NOT NULL DEFAULT '',
    status       text NOT NULL DEFAULT 'active',
    mount        text NOT NULL,
    creator      text NOT NULL,
    created_at   timestamptz NOT NULL,
    CONSTRAINT projects_org_slug_uq UNIQUE (org_id, slug)
);

CREATE TABLE project_members (
    project_id      uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    principal_type  text NOT NULL CHECK (principal_type IN ('USER', 'TEAM')),
    principal_id    text NOT NULL,
    role            text NOT NULL CHECK (role IN ('VIEWER', 'EDITOR', 'ADMIN')),
    joined_at       timestamptz NOT NULL,
    PRIMARY KEY (project_id, principal_type, principal_id)
);
-- "Which projects is this user or team a member of": project listings.
CREATE INDEX project_members_principal_idx ON project_members (principal_type, principal_id);

CREATE TABLE teams (
    org_id      text NOT NULL,
    id          text NOT NULL,
    name        text NOT NULL,
    created_at  timestamptz NOT NULL,
    PRIMARY KEY (org_id, id)
);

CREATE TABLE team_members (
    org_id   text NOT NULL,
    team_id  text NOT NULL,
    user_id  text NOT NULL,
    PRIMARY KEY (org_id, team_id, user_id),
    FOREIGN KEY (org_id, team_id) REFERENCES teams (org_id, id) ON DELETE CASCADE
);
-- "Which teams is this user in": every authorization decision that needs teams.
CREATE INDEX team_members_user_idx ON team_members (org_id, user_id);

-- Mounts known to the catalog; not used by the SPI yet.
CREATE TABLE mounts (
    name        text PRIMARY KEY,
    provider    text NOT NULL,
    mode        text NOT NULL,
    versioning  text NOT NULL,
    created_at  timestamptz NOT NULL
);

CREATE TABLE items (
    id             uuid PRIMARY KEY,
    org_id         text NOT NULL,
    project_id     uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    parent_id      uuid REFERENCES items (id) ON DELETE CASCADE,
    type           text NOT NULL CHECK (type IN ('FILE', 'FOLDER')),
    name           text NOT NULL,
    mount          text NOT NULL,
    size           bigint NOT NULL DEFAULT 0 CHECK (size >= 0),
    mime_type      text NOT NULL,
    sha256         text NOT NULL DEFAULT '',
    revision       integer NOT NULL DEFAULT 0 CHECK (revision >= 0),
    owner_id       text NOT NULL,
    vault          boolean NOT NULL DEFAULT false,
    custom_fields  jsonb NOT NULL DEFAULT '{}',
    created_at     timestamptz NOT NULL,
    updated_at     timestamptz NOT NULL,
    deleted_at     timestamptz,
    trashed_with   uuid
);
-- Live sibling names are unique; the project's root uses the project id as its parent key.
-- Trashed items are left out, so a name can be reused while an item of that name is in the trash.
CREATE UNIQUE INDEX items_live_name_uq
    ON items (project_id, coalesce(parent_id, project_id), name)
    WHERE deleted_at IS NULL;
CREATE INDEX items_parent_idx ON items (parent_id);
CREATE INDEX items_project_idx ON items (project_id);
-- untrash finds what was trashed together by the root it was trashed with.
CREATE INDEX items_trashed_with_idx ON items (trashed_with) WHERE trashed_with IS NOT NULL;

CREATE TABLE blobs (
    id                  bigserial PRIMARY KEY,
    mount               text NOT NULL,
    key                 text NOT NULL,
    sha256              text NOT NULL,
    size                bigint NOT NULL CHECK (size >= 0),
    ref_count           integer NOT NULL DEFAULT 0 CHECK (ref_count >= 0),
    created_at          timestamptz NOT NULL,
    unreferenced_since  timestamptz,
    CONSTRAINT blobs_mount_key_uq UNIQUE (mount, key)
);
-- The reconciler's scan: unreferenced blobs of a mount, oldest first.
CREATE INDEX blobs_unreferenced_idx ON blobs (mount, unreferenced_since) WHERE ref_count = 0;

CREATE TABLE revisions (
    item_id        uuid NOT NULL REFERENCES items (id) ON DELETE CASCADE,
    number         integer NOT NULL CHECK (number >= 1),
    blob_id        bigint NOT NULL REFERENCES blobs (id),
    size           bigint NOT NULL CHECK (size >= 0),
    sha256         text NOT NULL,
    mime_type      text NOT NULL,
    author         text NOT NULL,
    created_at     timestamptz NOT NULL,
    comment        text,
    restored_from  integer,
    PRIMARY KEY (item_id, number)
);
-- Deleting a blob checks that no revision references it.
CREATE INDEX revisions_blob_idx ON revisions (blob_id);

-- Tags and custom fields: tables only, no SPI yet.
CREATE TABLE tags (
    id      bigserial PRIMARY KEY,
    org_id  text NOT NULL,
    name    text NOT NULL,
    CONSTRAINT tags_org_name_uq UNIQUE (org_id, name)
);

CREATE TABLE item_tags (
    item_id  uuid NOT NULL REFERENCES items (id) ON DELETE CASCADE,
    tag_id   bigint NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
    PRIMARY KEY (item_id, tag_id)
);
CREATE INDEX item_tags_tag_idx ON item_tags (tag_id);

CREATE TABLE custom_field_definitions (
    org_id    text NOT NULL,
    name      text NOT NULL,
    type      text NOT NULL,
    required  boolean NOT NULL DEFAULT false,
    choices   jsonb,
    PRIMARY KEY (org_id, name)
);

CREATE TABLE audit_log (
    id         bigserial PRIMARY KEY,
    org_id     text NOT NULL,
    actor      text NOT NULL,
    action     text NOT NULL,
    target     text NOT NULL,
    outcome    text NOT NULL CHECK (outcome IN ('ALLOWED', 'DENIED', 'FAILED')),
    details    jsonb NOT NULL DEFAULT '{}',
    at         timestamptz NOT NULL,
    prev_hash  text,
    hash       text
);
CREATE INDEX audit_log_org_idx ON audit_log (org_id, id);

CREATE TABLE changes (
    seq         bigserial PRIMARY KEY,
    org_id      text NOT NULL,
    project_id  uuid NOT NULL,
    item_id     uuid,
    kind        text NOT NULL,
    revision    integer NOT NULL DEFAULT 0,
    actor       text NOT NULL,
    at          timestamptz NOT NULL
);
CREATE INDEX changes_org_seq_idx ON changes (org_id, seq);
