CREATE SCHEMA extensions;

ALTER EXTENSION citext SET SCHEMA extensions;

ALTER EXTENSION pg_trgm SET SCHEMA stays;

DROP SCHEMA "Old Ext";
