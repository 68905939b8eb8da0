CREATE TABLE t (id int, email text, status text, data jsonb, payload text);
