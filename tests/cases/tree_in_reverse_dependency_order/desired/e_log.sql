CREATE TABLE balance_log (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id bigint NOT NULL REFERENCES accounts (id),
    old_balance numeric NOT NULL,
    new_balance numeric NOT NULL
);
CREATE INDEX balance_log_account_idx ON balance_log (account_id);
