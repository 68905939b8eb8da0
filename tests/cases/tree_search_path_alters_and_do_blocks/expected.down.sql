DROP VIEW billing.paying;

DROP FUNCTION billing.total();

-- hazard data-loss: drops table public.events and every row in it
DROP TABLE public.events;

-- hazard data-loss: drops table billing.accounts and every row in it
DROP TABLE billing.accounts;

DROP DOMAIN billing.positive_cents;

DROP TYPE billing.plan;

DROP EXTENSION citext;

DROP SCHEMA billing;
