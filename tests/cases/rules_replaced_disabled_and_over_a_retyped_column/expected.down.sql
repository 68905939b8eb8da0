ALTER TABLE public.accounts ENABLE RULE "Log Updates";

ALTER TABLE public.accounts DISABLE RULE keep_deletes;

COMMENT ON RULE keep_deletes ON public.accounts IS NULL;

CREATE OR REPLACE RULE no_negative AS
    ON INSERT TO public.accounts
   WHERE (new.balance < (0)::numeric) DO INSTEAD NOTHING;

CREATE RULE retired AS
    ON UPDATE TO public.rule_events DO INSTEAD NOTHING;

DROP RULE update_balance ON public.account_balances;

DROP RULE no_flagged ON public.accounts;

-- hazard table-rewrite: rewrites the table to convert column public.accounts.flagged from boolean to integer
-- hazard data-loss: converts column public.accounts.flagged from boolean to integer: values may be rounded or cut, or fail to convert
ALTER TABLE public.accounts ALTER COLUMN flagged TYPE integer USING flagged::integer;

CREATE RULE no_flagged AS
    ON INSERT TO public.accounts
   WHERE (new.flagged > 0) DO INSTEAD NOTHING;
