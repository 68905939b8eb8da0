CREATE TABLE t (name text, code text COLLATE "C");
