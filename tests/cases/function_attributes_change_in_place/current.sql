CREATE FUNCTION add(a int, b int) RETURNS int LANGUAGE sql RETURN a + b;
CREATE VIEW sums AS SELECT add(1, 2) AS three;
