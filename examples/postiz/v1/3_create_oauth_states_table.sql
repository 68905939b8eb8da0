-- 3. create_oauth_states_table.sql: OAuth flow state, ten minutes to live.
CREATE TABLE IF NOT EXISTS oauth_states (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    state text NOT NULL UNIQUE,
    workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    user_id uuid NOT NULL REFERENCES auth.users (id) ON DELETE CASCADE,
    provider text NOT NULL,
    code_verifier text,
    redirect_uri text NOT NULL,
    expires_at timestamptz NOT NULL DEFAULT now() + interval '10 minutes',
    created_at timestamptz NOT NULL DEFAULT now()
);

ALTER TABLE oauth_states ENABLE ROW LEVEL SECURITY;
CREATE POLICY "Users use their own OAuth states" ON oauth_states FOR ALL TO authenticated
    USING (user_id = auth.uid()) WITH CHECK (user_id = auth.uid());
GRANT SELECT, INSERT, DELETE ON oauth_states TO authenticated;
GRANT ALL ON oauth_states TO service_role;

-- Auto-cleanup, in batches so a backlog never holds a long lock.
CREATE OR REPLACE FUNCTION cleanup_expired_oauth_states_batch(batch_size integer DEFAULT 1000)
RETURNS integer
LANGUAGE plpgsql
AS $$
DECLARE
    deleted integer;
BEGIN
    DELETE FROM oauth_states
    WHERE id IN (SELECT id FROM oauth_states WHERE expires_at < now() LIMIT batch_size);
    GET DIAGNOSTICS deleted = ROW_COUNT;
    RETURN deleted;
END;
$$;
