-- schemac:renamed-from billing
CREATE SCHEMA payments;
-- schemac:renamed-from invoice_state
CREATE TYPE payments.state AS ENUM ('open', 'paid');
CREATE TABLE payments.invoices (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    state payments.state NOT NULL DEFAULT 'open'
);
