-- A hand-written state: a serial key, which pg_dump writes as a sequence,
-- OWNED BY and a column default.
CREATE SCHEMA app;
CREATE TABLE app.users (
    id serial PRIMARY KEY,
    email text NOT NULL
);
