REVOKE USAGE ON SCHEMA billing FROM authenticated;

REVOKE SELECT (amount) ON TABLE billing.invoices FROM authenticated;

GRANT UPDATE (amount) ON TABLE billing.invoices TO service_role;

REVOKE SELECT (id) ON TABLE billing.invoices FROM authenticated;

REVOKE SELECT (number) ON TABLE billing.invoices FROM authenticated;
