-- citext lives in "Old Ext"; a column, an index and a function use its type.
CREATE SCHEMA "Old Ext";
CREATE SCHEMA stays;
CREATE EXTENSION citext WITH SCHEMA "Old Ext";
CREATE TABLE users (id int PRIMARY KEY, email "Old Ext".citext NOT NULL);
CREATE INDEX users_email ON users (email);
CREATE FUNCTION lower_mail(m "Old Ext".citext) RETURNS text
    LANGUAGE sql IMMUTABLE RETURN lower(m::text);
-- pg_trgm moves into a schema the tree already has.
CREATE EXTENSION pg_trgm WITH SCHEMA public;
CREATE INDEX users_email_trgm ON users USING gin ((email::text) public.gin_trgm_ops);
