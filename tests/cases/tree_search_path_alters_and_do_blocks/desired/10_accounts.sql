SET search_path TO billing;

DROP TABLE IF EXISTS accounts;
CREATE TABLE accounts (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    plan plan NOT NULL DEFAULT 'free'
);
ALTER TABLE accounts ADD COLUMN balance positive_cents;
ALTER TABLE accounts ALTER COLUMN balance SET DEFAULT 1;
CREATE INDEX IF NOT EXISTS accounts_plan_idx ON accounts (plan);

CREATE OR REPLACE FUNCTION total() RETURNS bigint
    LANGUAGE sql STABLE
    AS $$ SELECT coalesce(sum(balance), 0)::bigint FROM billing.accounts $$;
ALTER FUNCTION total() SET search_path = billing;
