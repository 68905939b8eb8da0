-- Encrypted OAuth tokens for connected social accounts.
CREATE TABLE credentials (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    workspace_id uuid NOT NULL,
    user_id uuid NOT NULL,
    provider text NOT NULL CHECK (provider IN ('x', 'linkedin', 'facebook', 'instagram', 'tiktok', 'youtube')),
    access_token_encrypted bytea NOT NULL,
    refresh_token_encrypted bytea,
    scopes text[] NOT NULL DEFAULT '{}',
    expires_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT credentials_workspace_provider_user_key UNIQUE (workspace_id, provider, user_id)
);

-- Declared after the table, and before the table it references in file order:
-- the loader orders statements by what they use.
ALTER TABLE credentials
    ADD CONSTRAINT credentials_member_fkey FOREIGN KEY (workspace_id, user_id)
    REFERENCES workspace_members (workspace_id, user_id) ON DELETE CASCADE;

-- Serves the foreign key: removing a member finds their credentials by index.
CREATE INDEX credentials_member_idx ON credentials (workspace_id, user_id);

CREATE INDEX credentials_refresh_due_idx ON credentials (expires_at)
    WHERE refresh_token_encrypted IS NOT NULL;

COMMENT ON COLUMN credentials.access_token_encrypted IS 'Encrypted by the application; never stored in clear.';

CREATE TRIGGER credentials_set_updated_at BEFORE UPDATE ON credentials
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

-- Tokens are read by background jobs only: the API never sees them.
ALTER TABLE credentials ENABLE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON credentials TO service_role;
