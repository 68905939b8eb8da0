ALTER FOREIGN DATA WRAPPER plain_fdw OPTIONS (ADD mode 'b');

COMMENT ON FOREIGN DATA WRAPPER plain_fdw IS 'no handler: a catalog entry only';

CREATE SERVER "Ledger" TYPE 'ledger' FOREIGN DATA WRAPPER plain_fdw;

ALTER SERVER billing VERSION '15' OPTIONS (SET host 'new.example.com', ADD dbname 'billing');

COMMENT ON SERVER billing IS 'billing primary';

CREATE FOREIGN TABLE remote.payment (
    id bigint,
    invoice_id bigint
) SERVER "Ledger";

CREATE USER MAPPING FOR PUBLIC SERVER "Ledger" OPTIONS ("user" 'guest');

ALTER USER MAPPING FOR authenticated SERVER billing OPTIONS (SET "user" 'writer');

DROP USER MAPPING FOR PUBLIC SERVER archive;

ALTER TABLE remote.invoice DROP COLUMN old_note;

ALTER FOREIGN TABLE remote.invoice OPTIONS (SET table_name 'invoices', ADD updatable 'false');

COMMENT ON FOREIGN TABLE remote.invoice IS 'invoices of the billing server';

ALTER TABLE remote.invoice ALTER COLUMN id TYPE bigint;

ALTER TABLE remote.invoice ADD COLUMN note text DEFAULT 'none'::text;

DROP SERVER archive;

DROP FOREIGN DATA WRAPPER old_fdw;
