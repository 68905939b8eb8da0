CREATE TABLE t (name text, id serial);
