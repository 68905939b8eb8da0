CREATE TABLE t (id int, email text, status text, data jsonb, payload text);
CREATE UNIQUE INDEX t_email_key ON t (lower(email));
CREATE INDEX t_active_idx ON t (id) INCLUDE (status) WHERE status = 'active';
CREATE INDEX t_data_idx ON t USING gin (data jsonb_path_ops);
CREATE INDEX t_payload_hash ON t USING hash (payload);
CREATE INDEX t_desc_idx ON t (id DESC NULLS LAST, status);
