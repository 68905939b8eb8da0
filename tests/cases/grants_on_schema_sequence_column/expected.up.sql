GRANT USAGE ON SCHEMA billing TO authenticated;

GRANT SELECT (amount) ON TABLE billing.invoices TO authenticated;

REVOKE UPDATE (amount) ON TABLE billing.invoices FROM service_role;

GRANT SELECT (id) ON TABLE billing.invoices TO authenticated;

GRANT SELECT (number) ON TABLE billing.invoices TO authenticated;
