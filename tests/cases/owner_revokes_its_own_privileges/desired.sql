CREATE TABLE t (id int);
REVOKE DELETE, TRUNCATE ON t FROM CURRENT_USER;
CREATE TABLE kept (id int);
REVOKE TRUNCATE ON kept FROM CURRENT_USER;
CREATE TABLE n (id int);
REVOKE ALL ON n FROM CURRENT_USER;
CREATE FUNCTION f() RETURNS int LANGUAGE sql RETURN 1;
REVOKE EXECUTE ON FUNCTION f() FROM CURRENT_USER;
-- Given to another role, which then gives up TRUNCATE: after the owner changes.
CREATE TABLE o (id int);
ALTER TABLE o OWNER TO service_role;
REVOKE TRUNCATE ON o FROM service_role;
-- Given to a role that had SELECT on it: revoked before OWNER TO merges it
-- into the new owner's own (after, it would take the owner's SELECT).
CREATE TABLE g (id int);
ALTER TABLE g OWNER TO service_role;
-- The tree's GRANT CREATE to a role it gives a table to, in a schema where
-- the shadow lends that role CREATE for OWNER TO: the tree's stays.
CREATE SCHEMA app;
CREATE TABLE app.w (id int);
ALTER TABLE app.w OWNER TO service_role;
GRANT CREATE ON SCHEMA app TO service_role;
