CREATE TABLE tenants (id bigint PRIMARY KEY);
-- schemac:renamed-from users
CREATE TABLE members (
    id bigint PRIMARY KEY,
    tenant bigint NOT NULL REFERENCES tenants (id),
    -- schemac:renamed-from name
    display_name text,
    joined_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX members_tenant_idx ON members (tenant);
