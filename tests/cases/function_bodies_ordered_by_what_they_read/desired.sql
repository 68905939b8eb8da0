-- A string SQL body is checked when it is created, so the table and view it
-- reads must exist first; pg_depend does not record them, libpg_query finds
-- them. The names sort before what they use, so only the graph can order them.
CREATE FUNCTION a_total() RETURNS numeric LANGUAGE sql STABLE
    AS $$ SELECT sum(balance) FROM zz_accounts $$;
CREATE FUNCTION a_rich_count() RETURNS bigint LANGUAGE sql STABLE
    AS 'SELECT count(*) FROM public.zz_rich';
-- PL/pgSQL compiles %ROWTYPE and %TYPE declarations at creation too.
CREATE FUNCTION a_credit(account bigint, amount numeric) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    last public.zz_ledger%ROWTYPE;
    old_balance zz_accounts.balance%TYPE;
BEGIN
    UPDATE zz_accounts SET balance = balance + amount WHERE id = account;
    INSERT INTO zz_ledger (account_id, amount) VALUES (account, amount);
END
$$;
CREATE TABLE zz_accounts (id bigint PRIMARY KEY, balance numeric NOT NULL DEFAULT 0);
CREATE TABLE zz_ledger (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id bigint NOT NULL REFERENCES zz_accounts (id),
    amount numeric NOT NULL
);
CREATE INDEX zz_ledger_account_idx ON zz_ledger (account_id);
CREATE VIEW zz_rich AS SELECT id FROM zz_accounts WHERE balance > 1000;
