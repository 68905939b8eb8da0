CREATE TABLE t (code text CHECK (code <> ''), n int);
CREATE INDEX t_code_idx ON t (code);
