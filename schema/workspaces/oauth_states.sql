-- Short-lived OAuth flow state (CSRF protection and PKCE verifier).
CREATE TABLE oauth_states (
    state text PRIMARY KEY CHECK (length(state) >= 32),
    workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    user_id uuid NOT NULL,
    provider text NOT NULL,
    code_verifier text,
    redirect_uri text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL DEFAULT now() + interval '10 minutes'
);

CREATE INDEX oauth_states_expires_idx ON oauth_states (expires_at);
-- Serves the foreign key: deleting a workspace finds its states by index.
CREATE INDEX oauth_states_workspace_idx ON oauth_states (workspace_id);

COMMENT ON TABLE oauth_states IS 'OAuth flow state; rows expire after ten minutes.';

ALTER TABLE oauth_states ENABLE ROW LEVEL SECURITY;
CREATE POLICY oauth_states_tenant ON oauth_states TO authenticated
    USING (in_current_tenant(workspace_id)) WITH CHECK (in_current_tenant(workspace_id));

GRANT SELECT, INSERT, DELETE ON oauth_states TO authenticated;
GRANT SELECT, INSERT, UPDATE, DELETE ON oauth_states TO service_role;
