-- The grant option goes, the privilege stays; everyone may call the function again.
CREATE TABLE t (id int);
GRANT SELECT ON t TO service_role;
CREATE FUNCTION secret() RETURNS int LANGUAGE sql RETURN 42;
