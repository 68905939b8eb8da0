CREATE SCHEMA app;
CREATE TYPE app.kind AS ENUM ('a');
CREATE SEQUENCE app.s;
CREATE TABLE app.t (id int CONSTRAINT t_pk PRIMARY KEY, c text);
CREATE INDEX t_c_idx ON app.t (c);
COMMENT ON TABLE app.t IS 'old';
COMMENT ON COLUMN app.t.c IS 'to remove';
