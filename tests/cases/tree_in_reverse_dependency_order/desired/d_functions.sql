CREATE FUNCTION audit_balance() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO balance_log (account_id, old_balance, new_balance) VALUES (OLD.id, OLD.balance, NEW.balance);
    RETURN NULL;
END
$$;
CREATE FUNCTION tier(balance numeric) RETURNS account_tier LANGUAGE sql IMMUTABLE
    RETURN CASE WHEN balance > 100000 THEN 'gold'::account_tier ELSE 'silver'::account_tier END;
