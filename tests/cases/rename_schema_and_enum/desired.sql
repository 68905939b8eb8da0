-- schemac:renamed-from payments
CREATE SCHEMA billing;
-- schemac:renamed-from state
CREATE TYPE billing.invoice_state AS ENUM ('open', 'paid');
CREATE TABLE billing.invoices (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    state billing.invoice_state NOT NULL DEFAULT 'open',
    total numeric(12, 2)
);
