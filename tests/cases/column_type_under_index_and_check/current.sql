CREATE TABLE t (code varchar(8) CHECK (code <> ''), n int);
CREATE INDEX t_code_idx ON t (code);
