-- Who belongs to a workspace, and with which role.
CREATE TYPE workspace_role AS ENUM ('owner', 'admin', 'editor', 'viewer');

CREATE TABLE workspace_members (
    workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    user_id uuid NOT NULL,
    role workspace_role NOT NULL DEFAULT 'viewer',
    invited_by uuid,
    joined_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (workspace_id, user_id)
);

CREATE INDEX workspace_members_user_idx ON workspace_members (user_id);

COMMENT ON COLUMN workspace_members.invited_by IS 'The user who sent the invitation, if any.';

ALTER TABLE workspace_members ENABLE ROW LEVEL SECURITY;
CREATE POLICY workspace_members_tenant ON workspace_members TO authenticated
    USING (in_current_tenant(workspace_id)) WITH CHECK (in_current_tenant(workspace_id));

GRANT SELECT, INSERT, UPDATE, DELETE ON workspace_members TO authenticated, service_role;
