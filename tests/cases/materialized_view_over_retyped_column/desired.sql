CREATE TABLE metrics (id bigint PRIMARY KEY, tenant_id bigint NOT NULL, value integer NOT NULL);
CREATE MATERIALIZED VIEW tenant_totals AS
    SELECT tenant_id, sum(value) AS total FROM metrics GROUP BY tenant_id;
COMMENT ON MATERIALIZED VIEW tenant_totals IS 'Refreshed hourly';
-- Its index goes with it and comes back with it.
CREATE UNIQUE INDEX tenant_totals_tenant_idx ON tenant_totals (tenant_id);
