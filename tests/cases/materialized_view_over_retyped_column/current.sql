CREATE TABLE metrics (id bigint PRIMARY KEY, tenant_id integer NOT NULL, value integer NOT NULL);
CREATE MATERIALIZED VIEW tenant_totals AS
    SELECT tenant_id, sum(value) AS total FROM metrics GROUP BY tenant_id;
COMMENT ON MATERIALIZED VIEW tenant_totals IS 'Refreshed hourly';
