CREATE TABLE sales (id bigint PRIMARY KEY, region text NOT NULL, amount numeric NOT NULL);
CREATE MATERIALIZED VIEW region_totals AS
    SELECT region, sum(amount) AS total FROM sales GROUP BY region;
-- REFRESH ... CONCURRENTLY needs a unique index.
CREATE UNIQUE INDEX region_totals_region_idx ON region_totals (region);
GRANT SELECT ON region_totals TO authenticated;
