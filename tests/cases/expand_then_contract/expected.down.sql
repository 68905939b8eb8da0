-- hazard needs-data: re-creates table public.legacy_tracking empty: what the forward script dropped with it does not come back (copy it back in the data phase, `schemac diff --write NAME --data-down FILE`)
CREATE TABLE public.legacy_tracking (
    id integer NOT NULL,
    note text,
    CONSTRAINT legacy_tracking_pkey PRIMARY KEY (id)
);

-- hazard needs-data: re-creates column public.accounts.plan_name empty: what the forward script dropped with it does not come back (copy it back in the data phase, `schemac diff --write NAME --data-down FILE`)
ALTER TABLE public.accounts ADD COLUMN plan_name text;

ALTER TABLE public.accounts DROP CONSTRAINT accounts_email_check;

ALTER TABLE public.accounts DROP CONSTRAINT accounts_email_key;

-- hazard data-loss: drops column public.accounts.plan_id and its data
-- hazard needs-data: column public.accounts.plan_id goes while its table gains a column: if that one takes its values, copy them in the data phase (`schemac diff --write NAME --data FILE`), or state a rename (`-- schemac:renamed-from`)
ALTER TABLE public.accounts DROP COLUMN plan_id;

-- hazard data-loss: drops table public.plans and every row in it
-- hazard needs-data: table public.plans goes while public.legacy_tracking appears: if it takes its rows, copy them in the data phase (`schemac diff --write NAME --data FILE`), or state a rename (`-- schemac:renamed-from`)
DROP TABLE public.plans;
