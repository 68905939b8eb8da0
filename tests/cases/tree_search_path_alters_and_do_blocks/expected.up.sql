CREATE SCHEMA billing;

CREATE EXTENSION citext WITH SCHEMA public;

CREATE TYPE billing.plan AS ENUM ('free', 'pro', 'team');

CREATE DOMAIN billing.positive_cents AS bigint;
ALTER DOMAIN billing.positive_cents ADD CONSTRAINT positive_cents_check CHECK ((VALUE > 0)) NOT VALID;

CREATE TABLE billing.accounts (
    id bigint GENERATED ALWAYS AS IDENTITY,
    plan billing.plan DEFAULT 'free'::billing.plan NOT NULL,
    balance billing.positive_cents DEFAULT 1,
    CONSTRAINT accounts_pkey PRIMARY KEY (id)
);

CREATE TABLE public.events (
    id integer NOT NULL,
    account_id bigint,
    kind public.citext NOT NULL,
    CONSTRAINT events_pkey PRIMARY KEY (id),
    CONSTRAINT events_account_id_fkey FOREIGN KEY (account_id) REFERENCES billing.accounts(id)
);

CREATE OR REPLACE FUNCTION billing.total()
 RETURNS bigint
 LANGUAGE sql
 STABLE
 SET search_path TO 'billing'
AS $function$ SELECT coalesce(sum(balance), 0)::bigint FROM billing.accounts $function$;

CREATE INDEX accounts_plan_idx ON billing.accounts USING btree (plan);

CREATE VIEW billing.paying AS
 SELECT accounts.id,
    accounts.balance
   FROM billing.accounts
  WHERE (accounts.plan <> 'free'::billing.plan);
