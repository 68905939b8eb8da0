CREATE TABLE t (a int, b text DEFAULT 'x', c boolean DEFAULT false);
