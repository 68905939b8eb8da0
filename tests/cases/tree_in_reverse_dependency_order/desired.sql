-- Written users first, what they use last: the loader orders the statements
-- and the plan orders the steps.
GRANT SELECT ON rich_accounts TO authenticated;
CREATE TRIGGER accounts_audit AFTER UPDATE ON accounts
    FOR EACH ROW EXECUTE FUNCTION audit_balance();
CREATE VIEW rich_accounts AS SELECT id, balance, tier(balance) AS tier FROM accounts WHERE balance > 10000;
CREATE FUNCTION audit_balance() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO balance_log (account_id, old_balance, new_balance) VALUES (OLD.id, OLD.balance, NEW.balance);
    RETURN NULL;
END
$$;
CREATE FUNCTION tier(balance numeric) RETURNS account_tier LANGUAGE sql IMMUTABLE
    RETURN CASE WHEN balance > 100000 THEN 'gold'::account_tier ELSE 'silver'::account_tier END;
CREATE TABLE balance_log (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id bigint NOT NULL REFERENCES accounts (id),
    old_balance numeric NOT NULL,
    new_balance numeric NOT NULL
);
CREATE INDEX balance_log_account_idx ON balance_log (account_id);
CREATE TYPE account_tier AS ENUM ('silver', 'gold');
CREATE TABLE accounts (id bigint PRIMARY KEY, balance numeric NOT NULL DEFAULT 0);
