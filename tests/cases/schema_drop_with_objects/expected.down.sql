CREATE SCHEMA old;

CREATE SEQUENCE old.s;

-- hazard needs-data: re-creates table old.t empty: what the forward script dropped with it does not come back (copy it back in the data phase, `schemac diff --write NAME --data-down FILE`)
CREATE TABLE old.t (
    id integer NOT NULL,
    CONSTRAINT t_pkey PRIMARY KEY (id)
);
