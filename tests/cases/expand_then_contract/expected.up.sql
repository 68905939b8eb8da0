CREATE TABLE public.plans (
    id integer NOT NULL,
    name text NOT NULL,
    CONSTRAINT plans_pkey PRIMARY KEY (id),
    CONSTRAINT plans_name_key UNIQUE (name)
);

ALTER TABLE public.accounts ADD COLUMN plan_id integer;

ALTER TABLE public.accounts ADD CONSTRAINT plan_id_schemac_not_null CHECK (plan_id IS NOT NULL) NOT VALID;

ALTER TABLE public.accounts ADD CONSTRAINT accounts_email_check CHECK ((email ~~ '%@%'::text)) NOT VALID;

ALTER TABLE public.accounts ADD CONSTRAINT accounts_plan_id_fkey FOREIGN KEY (plan_id) REFERENCES public.plans(id) NOT VALID;

-- schemac:no-transaction (run on its own, outside a transaction: schemac apply does)
ALTER TABLE public.accounts VALIDATE CONSTRAINT plan_id_schemac_not_null;

ALTER TABLE public.accounts ALTER COLUMN plan_id SET NOT NULL;
ALTER TABLE public.accounts DROP CONSTRAINT plan_id_schemac_not_null;

-- schemac:no-transaction (run on its own, outside a transaction: schemac apply does)
ALTER TABLE public.accounts VALIDATE CONSTRAINT accounts_email_check;

-- schemac:no-transaction (run on its own, outside a transaction: schemac apply does)
-- hazard index-build: builds index public.accounts_email_key concurrently on the existing table public.accounts: writes go on; the build scans the table twice and waits for the transactions running on it
CREATE UNIQUE INDEX CONCURRENTLY accounts_email_key ON public.accounts USING btree (email);

ALTER TABLE public.accounts ADD CONSTRAINT accounts_email_key UNIQUE USING INDEX accounts_email_key;

-- schemac:no-transaction (run on its own, outside a transaction: schemac apply does)
ALTER TABLE public.accounts VALIDATE CONSTRAINT accounts_plan_id_fkey;

-- hazard data-loss: drops column public.accounts.plan_name and its data
ALTER TABLE public.accounts DROP COLUMN plan_name;

-- hazard data-loss: drops table public.legacy_tracking and every row in it
DROP TABLE public.legacy_tracking;
