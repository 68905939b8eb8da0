-- Volatility, parallel safety and a setting change: CREATE OR REPLACE, and
-- the view that calls it stays.
CREATE FUNCTION add(a int, b int) RETURNS int LANGUAGE sql IMMUTABLE PARALLEL SAFE
    SET search_path = pg_catalog RETURN a + b;
CREATE VIEW sums AS SELECT add(1, 2) AS three;
