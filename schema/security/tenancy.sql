-- Tenant isolation. Each request runs `SET app.tenant_id = '...'` (the API
-- does it from the session); every tenant-owned table has row-level security
-- and a policy comparing its tenant with current_tenant_id(). The API
-- connects as `authenticated`; background jobs as `service_role`, which
-- bypasses row-level security (BYPASSRLS is given by the platform).

CREATE FUNCTION current_tenant_id() RETURNS uuid
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN nullif(current_setting('app.tenant_id', true), '')::uuid;

COMMENT ON FUNCTION current_tenant_id() IS 'The tenant of the current request (app.tenant_id), or NULL outside one.';

REVOKE EXECUTE ON FUNCTION current_tenant_id() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION current_tenant_id() TO authenticated, service_role;

-- The workspaces of the current tenant, for the policies of tables that
-- belong to a workspace rather than to the tenant directly.
CREATE FUNCTION in_current_tenant(workspace uuid) RETURNS boolean
    LANGUAGE sql STABLE
    BEGIN ATOMIC
        SELECT EXISTS (SELECT 1 FROM workspaces w
                       WHERE w.id = workspace AND w.tenant_id = current_tenant_id());
    END;

REVOKE EXECUTE ON FUNCTION in_current_tenant(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION in_current_tenant(uuid) TO authenticated, service_role;

-- Keeps updated_at honest on every table that has one.
CREATE FUNCTION set_updated_at() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END
$$;

GRANT USAGE ON SCHEMA public TO authenticated, service_role;
