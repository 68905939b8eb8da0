CREATE TABLE t (id int PRIMARY KEY, note text, score numeric(10,2) NOT NULL DEFAULT 0);
