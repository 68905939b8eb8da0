CREATE SCHEMA billing;
CREATE SEQUENCE billing.invoice_numbers;
CREATE TABLE billing.invoices (id bigint PRIMARY KEY, number bigint NOT NULL DEFAULT nextval('billing.invoice_numbers'), amount numeric NOT NULL, customer_email text);
-- authenticated gets in and may read everything but the e-mail; service_role
-- keeps the sequence but no longer updates amounts.
GRANT USAGE ON SCHEMA billing TO service_role, authenticated;
GRANT USAGE, SELECT ON SEQUENCE billing.invoice_numbers TO service_role;
GRANT SELECT (id, number, amount) ON billing.invoices TO authenticated;
