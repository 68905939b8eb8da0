CREATE SCHEMA billing;

CREATE TYPE billing.currency AS ENUM ('eur', 'usd');

CREATE TABLE billing.invoices (
    id bigint GENERATED ALWAYS AS IDENTITY,
    amount numeric(12,2) NOT NULL,
    currency billing.currency NOT NULL,
    CONSTRAINT invoices_pkey PRIMARY KEY (id)
);

CREATE INDEX invoices_currency_idx ON billing.invoices USING btree (currency);
