-- Posts: written once, published to several social accounts (targets).
CREATE TYPE post_status AS ENUM ('draft', 'scheduled', 'publishing', 'published', 'failed');

CREATE TABLE posts (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    author_id uuid NOT NULL,
    status post_status NOT NULL DEFAULT 'draft',
    title text CHECK (length(title) <= 300),
    body text NOT NULL DEFAULT '',
    search tsvector GENERATED ALWAYS AS
        (to_tsvector('simple', coalesce(title, '') || ' ' || body)) STORED,
    published_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT posts_published_at CHECK (status <> 'published' OR published_at IS NOT NULL)
);

COMMENT ON COLUMN posts.search IS 'Full-text document of title and body, kept by PostgreSQL.';

CREATE INDEX posts_workspace_status_idx ON posts (workspace_id, status);
CREATE INDEX posts_search_idx ON posts USING gin (search);

CREATE TRIGGER posts_set_updated_at BEFORE UPDATE ON posts
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

ALTER TABLE posts ENABLE ROW LEVEL SECURITY;
CREATE POLICY posts_tenant ON posts TO authenticated
    USING (in_current_tenant(workspace_id)) WITH CHECK (in_current_tenant(workspace_id));

GRANT SELECT, INSERT, UPDATE, DELETE ON posts TO authenticated, service_role;

-- Where a post goes: one row per connected account, with the outcome.
CREATE TABLE post_targets (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    post_id uuid NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    credential_id bigint NOT NULL REFERENCES credentials (id) ON DELETE CASCADE,
    status post_status NOT NULL DEFAULT 'scheduled',
    external_id text,
    last_error text,
    published_at timestamptz,
    CONSTRAINT post_targets_post_credential_key UNIQUE (post_id, credential_id)
);

CREATE INDEX post_targets_credential_idx ON post_targets (credential_id);

ALTER TABLE post_targets ENABLE ROW LEVEL SECURITY;
CREATE POLICY post_targets_tenant ON post_targets TO authenticated
    USING (EXISTS (SELECT 1 FROM posts p WHERE p.id = post_id));

GRANT SELECT ON post_targets TO authenticated;
GRANT SELECT, INSERT, UPDATE, DELETE ON post_targets TO service_role;

-- When: a post is published at run_at; failures retry with backoff.
CREATE TABLE post_schedules (
    post_id uuid PRIMARY KEY REFERENCES posts (id) ON DELETE CASCADE,
    run_at timestamptz NOT NULL,
    attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    locked_until timestamptz
);

CREATE INDEX post_schedules_due_idx ON post_schedules (run_at) WHERE locked_until IS NULL;

ALTER TABLE post_schedules ENABLE ROW LEVEL SECURITY;
CREATE POLICY post_schedules_tenant ON post_schedules TO authenticated
    USING (EXISTS (SELECT 1 FROM posts p WHERE p.id = post_id));

GRANT SELECT, INSERT, UPDATE, DELETE ON post_schedules TO authenticated, service_role;
