ALTER SCHEMA payments RENAME TO billing;

ALTER TYPE billing.state RENAME TO invoice_state;

ALTER TABLE billing.invoices ADD COLUMN total numeric(12,2);
