CREATE TRIGGER accounts_audit AFTER UPDATE ON accounts
    FOR EACH ROW EXECUTE FUNCTION audit_balance();
