CREATE TABLE t (a int DEFAULT 42, b text, c boolean DEFAULT true);
