-- A file written as one transaction, in its own schema, with the
-- idempotent idioms of hand-written scripts.
BEGIN;

CREATE SCHEMA IF NOT EXISTS billing;
SET search_path = billing, public;

DO $$
BEGIN
    CREATE TYPE plan AS ENUM ('free', 'pro');
EXCEPTION
    WHEN duplicate_object THEN NULL;
END
$$;
ALTER TYPE plan ADD VALUE 'team';

CREATE DOMAIN positive_cents AS bigint;
ALTER DOMAIN positive_cents ADD CONSTRAINT positive_cents_check CHECK (VALUE > 0) NOT VALID;

COMMIT;
