-- A LEAKPROOF function (only a superuser may declare one), used by a
-- policy so the planner may push it below row-level security.
CREATE FUNCTION same_tenant(a bigint, b bigint) RETURNS boolean
    LANGUAGE sql IMMUTABLE LEAKPROOF
    RETURN a = b;

CREATE TABLE notes (id bigint PRIMARY KEY, tenant_id bigint NOT NULL);
ALTER TABLE notes ENABLE ROW LEVEL SECURITY;
CREATE POLICY notes_tenant ON notes
    USING (same_tenant(tenant_id, current_setting('app.tenant', true)::bigint));
