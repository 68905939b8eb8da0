-- 5. add_user_id_to_credentials.sql: who a token belongs to, without a
-- join through social_accounts. Existing rows are backfilled by the data
-- step (backfill_credentials_user_id.sql) before NOT NULL holds.
ALTER TABLE credentials ADD COLUMN IF NOT EXISTS user_id uuid REFERENCES auth.users (id) ON DELETE CASCADE;
ALTER TABLE credentials ALTER COLUMN user_id SET NOT NULL;
CREATE INDEX IF NOT EXISTS idx_credentials_user_id ON credentials (user_id);

-- The owner of a token may see its metadata (not the token: the
-- application reads it as service_role).
DROP POLICY IF EXISTS "Users see their own credentials" ON credentials;
CREATE POLICY "Users see their own credentials" ON credentials FOR SELECT TO authenticated
    USING (user_id = auth.uid());
GRANT SELECT (id, social_account_id, user_id, token_expires_at, scopes, updated_at)
    ON credentials TO authenticated;
