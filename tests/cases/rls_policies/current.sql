CREATE TABLE documents (
    id bigint PRIMARY KEY,
    tenant_id bigint NOT NULL,
    owner text NOT NULL,
    archived boolean NOT NULL DEFAULT false
);
ALTER TABLE documents ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_read ON documents FOR SELECT
    USING (tenant_id = current_setting('app.tenant_id')::bigint);
CREATE POLICY owner_write ON documents FOR UPDATE
    USING (owner = current_user);
CREATE POLICY legacy ON documents USING (true);
CREATE TABLE notes (id bigint PRIMARY KEY, body text);
