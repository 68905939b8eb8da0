-- The function's result type changes (CREATE OR REPLACE refuses): both
-- policies that call it are dropped first and created after, with the comment.
-- The column under the second one changes type too.
CREATE FUNCTION current_tenant_id() RETURNS bigint LANGUAGE sql STABLE
    RETURN nullif(current_setting('app.tenant_id', true), '')::bigint;
CREATE TABLE posts (id bigint PRIMARY KEY, tenant_id bigint NOT NULL, title text);
ALTER TABLE posts ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON posts
    USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
COMMENT ON POLICY tenant_isolation ON posts IS 'One tenant per session';
CREATE TABLE media (id bigint PRIMARY KEY, tenant_id bigint NOT NULL);
ALTER TABLE media ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON media USING (tenant_id = current_tenant_id());
