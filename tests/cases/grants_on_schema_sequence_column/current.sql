CREATE SCHEMA billing;
CREATE SEQUENCE billing.invoice_numbers;
CREATE TABLE billing.invoices (id bigint PRIMARY KEY, number bigint NOT NULL DEFAULT nextval('billing.invoice_numbers'), amount numeric NOT NULL, customer_email text);
GRANT USAGE ON SCHEMA billing TO service_role;
GRANT USAGE, SELECT ON SEQUENCE billing.invoice_numbers TO service_role;
GRANT UPDATE (amount) ON billing.invoices TO service_role;
