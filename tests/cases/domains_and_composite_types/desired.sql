-- Checks replaced and added (each scans the columns of the domain), a default
-- and NOT NULL set, a new domain and attributes added, dropped and retyped.
CREATE DOMAIN email AS text
    CONSTRAINT email_at CHECK (VALUE ~ '^[^@]+@[^@]+$')
    CONSTRAINT email_length CHECK (length(VALUE) <= 254);
COMMENT ON DOMAIN email IS 'An e-mail address, roughly checked';
CREATE DOMAIN positive_int AS integer DEFAULT 1 NOT NULL CONSTRAINT positive CHECK (VALUE > 0);
CREATE DOMAIN "Percent" AS numeric(5, 2) CHECK (VALUE BETWEEN 0 AND 100);
CREATE TYPE address AS (street text, city text, zip text, country char(2));
CREATE TABLE users (
    id bigint PRIMARY KEY,
    email email NOT NULL,
    retries positive_int DEFAULT 1,
    discount "Percent",
    home address
);
GRANT USAGE ON DOMAIN email TO authenticated;
