CREATE SCHEMA old;

CREATE SEQUENCE old.s;

CREATE TABLE old.t (
    id integer NOT NULL,
    CONSTRAINT t_pkey PRIMARY KEY (id)
);
