CREATE TABLE t (a int CONSTRAINT a_positive CHECK (a > 0), b int CHECK (b < 10));
