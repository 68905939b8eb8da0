-- Migration 03: organizations (multi-tenancy) and the AI context tables.
CREATE TABLE organizations (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name text NOT NULL UNIQUE,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE user_profiles (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    handle text NOT NULL UNIQUE,
    display_name text NOT NULL,
    organization_id bigint NOT NULL REFERENCES organizations,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX idx_user_profiles_organization_id ON user_profiles (organization_id);

CREATE TABLE organization_members (
    organization_id bigint NOT NULL REFERENCES organizations ON DELETE CASCADE,
    user_id bigint NOT NULL REFERENCES user_profiles ON DELETE CASCADE,
    role text NOT NULL DEFAULT 'viewer' CHECK (role IN ('owner', 'admin', 'editor', 'viewer')),
    PRIMARY KEY (organization_id, user_id)
);
CREATE INDEX idx_organization_members_user_id ON organization_members (user_id);

CREATE FUNCTION user_has_org_permission(check_user_id bigint, check_org_id bigint,
                                        required_role text)
RETURNS boolean
LANGUAGE sql STABLE
AS $$
    SELECT EXISTS (
        SELECT 1 FROM organization_members m
        WHERE m.user_id = check_user_id AND m.organization_id = check_org_id
          AND array_position(ARRAY['viewer', 'editor', 'admin', 'owner'], m.role)
              >= array_position(ARRAY['viewer', 'editor', 'admin', 'owner'], required_role)
    )
$$;

CREATE TABLE ai_context_logs (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id bigint NOT NULL REFERENCES user_profiles ON DELETE CASCADE,
    organization_id bigint NOT NULL REFERENCES organizations ON DELETE CASCADE,
    source_type text NOT NULL CHECK (source_type IN ('chat', 'post', 'document')),
    context_summary text NOT NULL,
    ai_response text,
    metadata jsonb NOT NULL DEFAULT '{}',
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX idx_ai_context_logs_org_created ON ai_context_logs (organization_id, created_at DESC);
CREATE INDEX idx_ai_context_logs_user_id ON ai_context_logs (user_id);
