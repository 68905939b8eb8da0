CREATE TABLE documents (
    id bigint PRIMARY KEY,
    tenant_id bigint NOT NULL,
    owner text NOT NULL,
    archived boolean NOT NULL DEFAULT false
);
ALTER TABLE documents ENABLE ROW LEVEL SECURITY;
ALTER TABLE documents FORCE ROW LEVEL SECURITY;
-- USING changes and WITH CHECK is added: ALTER POLICY.
CREATE POLICY tenant_read ON documents FOR SELECT
    USING (tenant_id = current_setting('app.tenant_id')::bigint AND NOT archived);
COMMENT ON POLICY tenant_read ON documents IS 'Tenants see their own live documents';
-- The command changes: dropped and created.
CREATE POLICY owner_write ON documents FOR ALL
    USING (owner = current_user) WITH CHECK (owner = current_user);
CREATE POLICY no_archived_writes ON documents AS RESTRICTIVE FOR INSERT
    WITH CHECK (NOT archived);
-- A table that gains row-level security with its first policy.
CREATE TABLE notes (id bigint PRIMARY KEY, body text);
ALTER TABLE notes ENABLE ROW LEVEL SECURITY;
CREATE POLICY "everyone reads" ON notes FOR SELECT TO PUBLIC USING (true);
CREATE TABLE "Audit" (id bigint PRIMARY KEY, at timestamptz NOT NULL DEFAULT now());
ALTER TABLE "Audit" ENABLE ROW LEVEL SECURITY;
CREATE POLICY append_only ON "Audit" FOR INSERT WITH CHECK (at <= now());
