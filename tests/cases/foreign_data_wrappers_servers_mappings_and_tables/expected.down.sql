CREATE FOREIGN DATA WRAPPER old_fdw OPTIONS (mode 'a');

CREATE SERVER archive TYPE 'tape' FOREIGN DATA WRAPPER old_fdw;

CREATE USER MAPPING FOR PUBLIC SERVER archive;

DROP USER MAPPING FOR PUBLIC SERVER "Ledger";

ALTER TABLE remote.invoice DROP COLUMN note;

DROP FOREIGN TABLE remote.payment;

DROP SERVER "Ledger";

ALTER FOREIGN DATA WRAPPER plain_fdw OPTIONS (DROP mode);

COMMENT ON FOREIGN DATA WRAPPER plain_fdw IS NULL;

ALTER SERVER billing VERSION NULL OPTIONS (DROP dbname, SET host 'old.example.com');

COMMENT ON SERVER billing IS 'billing replica';

ALTER FOREIGN TABLE remote.invoice OPTIONS (DROP updatable, SET table_name 'invoice');

COMMENT ON FOREIGN TABLE remote.invoice IS NULL;

ALTER TABLE remote.invoice ALTER COLUMN id TYPE integer;

ALTER TABLE remote.invoice ADD COLUMN old_note text;

ALTER USER MAPPING FOR authenticated SERVER billing OPTIONS (SET "user" 'reader');
