-- A tenant: one customer organisation, its plan and the limits that plan buys.
CREATE TABLE tenants (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
    name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    custom_domain text UNIQUE,
    plan tenant_plan NOT NULL DEFAULT 'free',
    status tenant_status NOT NULL DEFAULT 'trialing',
    stripe_customer_id text UNIQUE,
    stripe_subscription_id text,
    max_users integer NOT NULL DEFAULT 5 CHECK (max_users > 0),
    max_storage_bytes bigint NOT NULL DEFAULT 1073741824 CHECK (max_storage_bytes >= 0),
    max_workspaces integer NOT NULL DEFAULT 1 CHECK (max_workspaces > 0),
    features jsonb NOT NULL DEFAULT '{}',
    trial_ends_at timestamptz,
    suspended_at timestamptz,
    suspension_reason text,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT tenants_suspension_reason CHECK (suspended_at IS NULL OR suspension_reason IS NOT NULL)
);

COMMENT ON TABLE tenants IS 'Customer organisations: plan, status and the limits the plan buys.';
COMMENT ON COLUMN tenants.features IS 'Feature flags enabled for this tenant, by name.';
COMMENT ON COLUMN tenants.max_storage_bytes IS 'Storage quota across all workspaces, in bytes.';

CREATE INDEX tenants_status_idx ON tenants (status) WHERE status <> 'active';
CREATE INDEX tenants_trial_ends_idx ON tenants (trial_ends_at) WHERE status = 'trialing';

CREATE TRIGGER tenants_set_updated_at BEFORE UPDATE ON tenants
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

ALTER TABLE tenants ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenants_own ON tenants FOR SELECT TO authenticated
    USING (id = current_tenant_id());

GRANT SELECT ON tenants TO authenticated;
GRANT SELECT, INSERT, UPDATE, DELETE ON tenants TO service_role;
