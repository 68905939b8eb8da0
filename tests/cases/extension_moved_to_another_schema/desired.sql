-- citext moves to a new schema and the old one goes: ALTER EXTENSION ... SET
-- SCHEMA keeps the column, its rows and the index; pg_trgm moves to a schema
-- that exists on both sides.
CREATE SCHEMA extensions;
CREATE SCHEMA stays;
CREATE EXTENSION citext WITH SCHEMA extensions;
CREATE TABLE users (id int PRIMARY KEY, email extensions.citext NOT NULL);
CREATE INDEX users_email ON users (email);
CREATE FUNCTION lower_mail(m extensions.citext) RETURNS text
    LANGUAGE sql IMMUTABLE RETURN lower(m::text);
CREATE EXTENSION pg_trgm WITH SCHEMA stays;
CREATE INDEX users_email_trgm ON users USING gin ((email::text) stays.gin_trgm_ops);
