-- Both views go, the one on top first.
CREATE TABLE t (a int, b int);
