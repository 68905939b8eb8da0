CREATE FOREIGN DATA WRAPPER plain_fdw;
CREATE FOREIGN DATA WRAPPER old_fdw OPTIONS (mode 'a');
CREATE SERVER billing FOREIGN DATA WRAPPER plain_fdw OPTIONS (host 'old.example.com', port '5432');
CREATE SERVER archive TYPE 'tape' FOREIGN DATA WRAPPER old_fdw;
CREATE USER MAPPING FOR authenticated SERVER billing OPTIONS ("user" 'reader');
CREATE USER MAPPING FOR PUBLIC SERVER archive;
COMMENT ON SERVER billing IS 'billing replica';

CREATE SCHEMA remote;
CREATE FOREIGN TABLE remote.invoice (
    id integer NOT NULL,
    total numeric,
    old_note text,
    CHECK (total >= 0)
) SERVER billing OPTIONS (table_name 'invoice');
