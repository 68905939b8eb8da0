CREATE TABLE p (id serial PRIMARY KEY);
CREATE TABLE c (id int PRIMARY KEY, p_id int REFERENCES p (id), q_id int REFERENCES p (id));
CREATE INDEX c_q_idx ON c (q_id, id);
CREATE TABLE log (at timestamptz, msg text);
-- an append-only log, read by time
-- schemac:allow SC002
CREATE TABLE audit (at timestamptz, p_id int REFERENCES p (id));
