CREATE TABLE workspaces (id integer PRIMARY KEY, tenant_id integer NOT NULL);
CREATE FUNCTION in_tenant(workspace integer, tenant integer) RETURNS boolean
    LANGUAGE sql STABLE
    BEGIN ATOMIC
        SELECT EXISTS (SELECT 1 FROM workspaces w WHERE w.id = workspace AND w.tenant_id = tenant);
    END;
CREATE TABLE posts (id bigint PRIMARY KEY, workspace_id integer NOT NULL);
ALTER TABLE posts ENABLE ROW LEVEL SECURITY;
CREATE POLICY posts_tenant ON posts
    USING (in_tenant(workspace_id, current_setting('app.tenant')::integer));
