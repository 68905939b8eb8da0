CREATE TABLE t (a int, b int, c int);
-- A column renamed and another removed: CREATE OR REPLACE refuses, so the
-- view and the view on it are dropped and created again.
CREATE VIEW v AS SELECT a, b FROM t;
CREATE VIEW w AS SELECT a FROM v;
