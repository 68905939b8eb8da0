ALTER SCHEMA app OWNER TO authenticated;

ALTER TYPE app.e OWNER TO authenticated;

CREATE COLLATION app.c (provider = libc, lc_collate = 'C', lc_ctype = 'C');

ALTER COLLATION app.c OWNER TO authenticated;

ALTER DOMAIN app.d OWNER TO service_role;

ALTER SEQUENCE app.s OWNER TO authenticated;

CREATE TABLE app."New Table" (
    id integer,
    w integer
);

ALTER TABLE app."New Table" OWNER TO service_role;

ALTER TABLE app.t OWNER TO authenticated;

ALTER FUNCTION app.f() OWNER TO service_role;

CREATE OR REPLACE PROCEDURE app.p()
 LANGUAGE sql
BEGIN ATOMIC
 SELECT 1;
END;

ALTER PROCEDURE app.p() OWNER TO authenticated;

CREATE OR REPLACE AGGREGATE app.total(integer) (
    SFUNC = int4pl, STYPE = integer
);

ALTER AGGREGATE app.total(integer) OWNER TO service_role;

CREATE STATISTICS app.n_stats ON id, w FROM app."New Table";

ALTER STATISTICS app.n_stats OWNER TO service_role;

ALTER VIEW app.v OWNER TO service_role;

DROP MATERIALIZED VIEW app.m;

CREATE MATERIALIZED VIEW app.m AS
 SELECT (1)::bigint AS one;

ALTER MATERIALIZED VIEW app.m OWNER TO service_role;
