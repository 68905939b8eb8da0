-- 2. create_postiz_data_model.sql: accounts, tokens, posts and what they need.
CREATE TABLE IF NOT EXISTS social_accounts (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    connected_by uuid NOT NULL REFERENCES auth.users (id),
    provider text NOT NULL CHECK (provider IN ('x', 'linkedin', 'instagram', 'facebook')),
    provider_account_id text NOT NULL,
    handle text NOT NULL,
    status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'expired', 'revoked')),
    created_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (workspace_id, provider, provider_account_id)
);

-- Encrypted OAuth tokens: the application encrypts, the database stores bytes.
CREATE TABLE IF NOT EXISTS credentials (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    social_account_id uuid NOT NULL UNIQUE REFERENCES social_accounts (id) ON DELETE CASCADE,
    access_token_encrypted bytea NOT NULL,
    refresh_token_encrypted bytea,
    token_expires_at timestamptz,
    scopes text[] NOT NULL DEFAULT '{}',
    updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS posts (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    author_id uuid NOT NULL REFERENCES auth.users (id),
    content text NOT NULL DEFAULT '',
    status text NOT NULL DEFAULT 'draft'
        CHECK (status IN ('draft', 'scheduled', 'publishing', 'published', 'failed')),
    scheduled_at timestamptz,
    published_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS post_targets (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    post_id uuid NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    social_account_id uuid NOT NULL REFERENCES social_accounts (id) ON DELETE CASCADE,
    status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
    provider_post_id text,
    error text,
    published_at timestamptz,
    UNIQUE (post_id, social_account_id)
);

CREATE TABLE IF NOT EXISTS media_assets (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    post_id uuid REFERENCES posts (id) ON DELETE SET NULL,
    storage_path text NOT NULL,
    mime_type text NOT NULL,
    size_bytes bigint NOT NULL CHECK (size_bytes >= 0),
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS schedules (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    social_account_id uuid NOT NULL REFERENCES social_accounts (id) ON DELETE CASCADE,
    day_of_week smallint NOT NULL CHECK (day_of_week BETWEEN 0 AND 6),
    time_of_day time NOT NULL,
    timezone text NOT NULL DEFAULT 'UTC',
    active boolean NOT NULL DEFAULT true
);

CREATE TABLE IF NOT EXISTS queue_jobs (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    workspace_id uuid REFERENCES workspaces (id) ON DELETE CASCADE,
    job_type text NOT NULL,
    payload jsonb NOT NULL DEFAULT '{}',
    status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'running', 'done', 'failed')),
    attempts integer NOT NULL DEFAULT 0,
    run_at timestamptz NOT NULL DEFAULT now(),
    locked_at timestamptz,
    last_error text,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS tags (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    name text NOT NULL,
    color text NOT NULL DEFAULT '#888888' CHECK (color ~ '^#[0-9a-f]{6}$'),
    UNIQUE (workspace_id, name)
);

CREATE TABLE IF NOT EXISTS post_tags (
    post_id uuid NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    tag_id uuid NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
    PRIMARY KEY (post_id, tag_id)
);

CREATE TABLE IF NOT EXISTS analytics_events (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    post_target_id uuid REFERENCES post_targets (id) ON DELETE CASCADE,
    metric text NOT NULL,
    value numeric NOT NULL DEFAULT 0,
    recorded_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS webhook_events (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    provider text NOT NULL,
    event_type text NOT NULL,
    payload jsonb NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now(),
    processed_at timestamptz
);

CREATE TABLE IF NOT EXISTS activity_logs (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    actor_id uuid REFERENCES auth.users (id) ON DELETE SET NULL,
    action text NOT NULL,
    entity_type text NOT NULL,
    entity_id uuid,
    details jsonb NOT NULL DEFAULT '{}',
    created_at timestamptz NOT NULL DEFAULT now()
);

-- Row level security: members see their workspace's rows; service_role
-- (BYPASSRLS, the platform's) sees everything.
ALTER TABLE social_accounts ENABLE ROW LEVEL SECURITY;
ALTER TABLE credentials ENABLE ROW LEVEL SECURITY;
ALTER TABLE posts ENABLE ROW LEVEL SECURITY;
ALTER TABLE post_targets ENABLE ROW LEVEL SECURITY;
ALTER TABLE media_assets ENABLE ROW LEVEL SECURITY;
ALTER TABLE schedules ENABLE ROW LEVEL SECURITY;
ALTER TABLE queue_jobs ENABLE ROW LEVEL SECURITY;
ALTER TABLE tags ENABLE ROW LEVEL SECURITY;
ALTER TABLE post_tags ENABLE ROW LEVEL SECURITY;
ALTER TABLE analytics_events ENABLE ROW LEVEL SECURITY;
ALTER TABLE webhook_events ENABLE ROW LEVEL SECURITY;
ALTER TABLE activity_logs ENABLE ROW LEVEL SECURITY;

CREATE POLICY "Members use their social accounts" ON social_accounts FOR ALL TO authenticated
    USING (is_workspace_member_fast(workspace_id, auth.uid()));
-- Tokens never reach a browser: no policy for authenticated.
CREATE POLICY "Members use their posts" ON posts FOR ALL TO authenticated
    USING (is_workspace_member_fast(workspace_id, auth.uid()));
CREATE POLICY "Members use their post targets" ON post_targets FOR ALL TO authenticated
    USING (EXISTS (SELECT 1 FROM posts p
                   WHERE p.id = post_id AND is_workspace_member_fast(p.workspace_id, auth.uid())));
CREATE POLICY "Members use their media" ON media_assets FOR ALL TO authenticated
    USING (is_workspace_member_fast(workspace_id, auth.uid()));
CREATE POLICY "Members use their schedules" ON schedules FOR ALL TO authenticated
    USING (is_workspace_member_fast(workspace_id, auth.uid()));
CREATE POLICY "Members see their jobs" ON queue_jobs FOR SELECT TO authenticated
    USING (is_workspace_member_fast(workspace_id, auth.uid()));
CREATE POLICY "Members use their tags" ON tags FOR ALL TO authenticated
    USING (is_workspace_member_fast(workspace_id, auth.uid()));
CREATE POLICY "Members tag their posts" ON post_tags FOR ALL TO authenticated
    USING (EXISTS (SELECT 1 FROM posts p
                   WHERE p.id = post_id AND is_workspace_member_fast(p.workspace_id, auth.uid())));
CREATE POLICY "Members see their analytics" ON analytics_events FOR SELECT TO authenticated
    USING (is_workspace_member_fast(workspace_id, auth.uid()));
CREATE POLICY "Members see their activity" ON activity_logs FOR SELECT TO authenticated
    USING (is_workspace_member_fast(workspace_id, auth.uid()));

GRANT SELECT, INSERT, UPDATE, DELETE
    ON social_accounts, posts, post_targets, media_assets, schedules, tags, post_tags
    TO authenticated;
GRANT SELECT ON queue_jobs, analytics_events, activity_logs TO authenticated;
GRANT ALL ON social_accounts, credentials, posts, post_targets, media_assets, schedules,
    queue_jobs, tags, post_tags, analytics_events, webhook_events, activity_logs TO service_role;
