CREATE DOMAIN email AS text CONSTRAINT email_at CHECK (VALUE ~ '@');
CREATE DOMAIN positive_int AS integer CONSTRAINT positive CHECK (VALUE > 0);
CREATE DOMAIN legacy_code AS varchar(10);
CREATE TYPE address AS (street text, city text, zip varchar(10));
CREATE TYPE unused AS (a int);
CREATE TABLE users (
    id bigint PRIMARY KEY,
    email email NOT NULL,
    retries positive_int DEFAULT 1
);
