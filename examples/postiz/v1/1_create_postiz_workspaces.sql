-- 1. create_postiz_workspaces.sql: the multi-tenant foundation.
CREATE TABLE IF NOT EXISTS workspaces (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
    slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9-]+$'),
    owner_id uuid NOT NULL REFERENCES auth.users (id) ON DELETE CASCADE,
    plan text NOT NULL DEFAULT 'free' CHECK (plan IN ('free', 'pro', 'agency')),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS workspace_members (
    workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    user_id uuid NOT NULL REFERENCES auth.users (id) ON DELETE CASCADE,
    role text NOT NULL DEFAULT 'member' CHECK (role IN ('owner', 'admin', 'member')),
    joined_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (workspace_id, user_id)
);

CREATE INDEX IF NOT EXISTS idx_workspaces_owner_id ON workspaces (owner_id);
CREATE INDEX IF NOT EXISTS idx_workspace_members_user_id ON workspace_members (user_id);

-- Membership, read past RLS (the policies below call it on every row).
CREATE OR REPLACE FUNCTION is_workspace_member_fast(p_workspace_id uuid, p_user_id uuid)
RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public
AS $$
    SELECT EXISTS (
        SELECT 1 FROM workspace_members
        WHERE workspace_id = p_workspace_id AND user_id = p_user_id
    )
$$;

ALTER TABLE workspaces ENABLE ROW LEVEL SECURITY;
ALTER TABLE workspace_members ENABLE ROW LEVEL SECURITY;

DROP POLICY IF EXISTS "Members see their workspaces" ON workspaces;
CREATE POLICY "Members see their workspaces" ON workspaces FOR SELECT TO authenticated
    USING (is_workspace_member_fast(id, auth.uid()));
DROP POLICY IF EXISTS "Owners manage their workspaces" ON workspaces;
CREATE POLICY "Owners manage their workspaces" ON workspaces FOR ALL TO authenticated
    USING (owner_id = auth.uid()) WITH CHECK (owner_id = auth.uid());
DROP POLICY IF EXISTS "Members see their co-members" ON workspace_members;
CREATE POLICY "Members see their co-members" ON workspace_members FOR SELECT TO authenticated
    USING (is_workspace_member_fast(workspace_id, auth.uid()));

GRANT SELECT, INSERT, UPDATE, DELETE ON workspaces, workspace_members TO authenticated;
GRANT ALL ON workspaces, workspace_members TO service_role;
