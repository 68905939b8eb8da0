-- Objects the migration creates get what ALTER DEFAULT PRIVILEGES gives them
-- (the defaults it ends with, set before them): only what differs from that
-- is granted or revoked afterwards.
CREATE SCHEMA app;
ALTER DEFAULT PRIVILEGES IN SCHEMA app GRANT ALL ON TABLES TO authenticated, service_role;
ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;
ALTER DEFAULT PRIVILEGES GRANT USAGE ON TYPES TO authenticated;

-- Both defaults as they are: nothing to grant.
CREATE TABLE app.account (id integer PRIMARY KEY);
CREATE VIEW app.account_ids AS SELECT id FROM app.account;
-- One default taken back.
CREATE TABLE app.audit (id integer);
REVOKE ALL ON app.audit FROM authenticated;
REVOKE DELETE, TRUNCATE ON app.audit FROM service_role;
-- Not callable by PUBLIC by default; one given back.
CREATE FUNCTION app.internal() RETURNS integer LANGUAGE sql AS 'SELECT 1';
CREATE FUNCTION app.open() RETURNS integer LANGUAGE sql AS 'SELECT 2';
GRANT EXECUTE ON FUNCTION app.open() TO PUBLIC;
-- The new default for types, set before the domain.
CREATE DOMAIN app.positive AS integer CHECK (VALUE > 0);
-- No default in this schema.
CREATE SCHEMA other;
CREATE TABLE other.note (id integer);
GRANT SELECT ON other.note TO authenticated;
