-- Overloads are told apart by argument types: one changes, one stays.
CREATE FUNCTION slugify(title text) RETURNS text LANGUAGE sql IMMUTABLE
    RETURN lower(regexp_replace(title, '\s+', '-', 'g'));
CREATE FUNCTION slugify(title text, max_length integer) RETURNS text LANGUAGE sql IMMUTABLE
    RETURN left(lower(replace(title, ' ', '-')), max_length);
-- An argument renamed: CREATE OR REPLACE refuses, so drop and create.
CREATE TABLE audit_log (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, message text NOT NULL);
CREATE PROCEDURE log_message(message text) LANGUAGE sql
    BEGIN ATOMIC INSERT INTO audit_log (message) VALUES (message); END;
