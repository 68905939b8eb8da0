CREATE TABLE p (id int PRIMARY KEY);
CREATE TABLE c (id int, p_id int REFERENCES p (id), n int);
CREATE INDEX c_p_idx ON c (p_id, n);
