CREATE SCHEMA app;
CREATE TABLE app.t (id serial PRIMARY KEY, v text);
ALTER TABLE app.t OWNER TO service_role;
-- Owned by a role the tree never names for it: left as it is.
CREATE TABLE app.u (id int);
ALTER TABLE app.u OWNER TO authenticated;
CREATE VIEW app.v AS SELECT id FROM app.t;
CREATE FUNCTION app.f() RETURNS int LANGUAGE sql RETURN 1;
CREATE TYPE app.e AS ENUM ('a');
CREATE DOMAIN app.d AS int;
CREATE SEQUENCE app.s;
-- Rebuilt by the migration (its query changes type): owned again after.
CREATE MATERIALIZED VIEW app.m AS SELECT 1::int AS one;
ALTER MATERIALIZED VIEW app.m OWNER TO service_role;
-- Owned by another role, which the tree does not state: left as it is.
CREATE TYPE app.pair AS (a int, b int);
ALTER TYPE app.pair OWNER TO service_role;
