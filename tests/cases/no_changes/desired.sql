CREATE INDEX t_n ON t (n);
CREATE TABLE t (id int PRIMARY KEY, n text DEFAULT 'x');
