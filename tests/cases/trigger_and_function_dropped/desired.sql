-- The trigger goes before its function.
CREATE TABLE t (id int, at timestamptz);
