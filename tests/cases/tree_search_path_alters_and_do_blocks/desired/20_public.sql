-- The default search_path again: this file's names are in public.
CREATE EXTENSION IF NOT EXISTS citext;

CREATE TABLE events (
    id int PRIMARY KEY,
    account_id bigint REFERENCES billing.accounts (id),
    kind citext NOT NULL
);
