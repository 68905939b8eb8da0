-- hazard data-loss: drops column billing.invoices.total and its data
ALTER TABLE billing.invoices DROP COLUMN total;

ALTER TYPE billing.invoice_state RENAME TO state;

ALTER SCHEMA billing RENAME TO payments;
