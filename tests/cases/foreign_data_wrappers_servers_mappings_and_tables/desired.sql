-- Wrappers, servers and user mappings change in place (options added, set
-- and dropped, a version set), go, and come; a foreign table's columns change
-- as a table's do (no USING: it holds no rows here), its options in place.
CREATE FOREIGN DATA WRAPPER plain_fdw OPTIONS (mode 'b');
CREATE SERVER billing VERSION '15' FOREIGN DATA WRAPPER plain_fdw
    OPTIONS (host 'new.example.com', port '5432', dbname 'billing');
CREATE SERVER "Ledger" TYPE 'ledger' FOREIGN DATA WRAPPER plain_fdw;
CREATE USER MAPPING FOR authenticated SERVER billing OPTIONS ("user" 'writer');
CREATE USER MAPPING FOR PUBLIC SERVER "Ledger" OPTIONS ("user" 'guest');
COMMENT ON SERVER billing IS 'billing primary';
COMMENT ON FOREIGN DATA WRAPPER plain_fdw IS 'no handler: a catalog entry only';

CREATE SCHEMA remote;
CREATE FOREIGN TABLE remote.invoice (
    id bigint NOT NULL,
    total numeric,
    note text DEFAULT 'none',
    CHECK (total >= 0)
) SERVER billing OPTIONS (table_name 'invoices', updatable 'false');
COMMENT ON FOREIGN TABLE remote.invoice IS 'invoices of the billing server';
CREATE FOREIGN TABLE remote.payment (id bigint, invoice_id bigint) SERVER "Ledger";
