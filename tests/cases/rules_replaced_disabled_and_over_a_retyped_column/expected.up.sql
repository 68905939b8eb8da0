CREATE RULE update_balance AS
    ON UPDATE TO public.account_balances DO INSTEAD  UPDATE public.accounts SET balance = new.balance
  WHERE (accounts.id = old.id);

ALTER TABLE public.accounts ENABLE REPLICA RULE "Log Updates";

ALTER TABLE public.accounts ENABLE RULE keep_deletes;

COMMENT ON RULE keep_deletes ON public.accounts IS 'accounts are closed, never deleted';

CREATE OR REPLACE RULE no_negative AS
    ON INSERT TO public.accounts
   WHERE (new.balance < (0)::numeric) DO  INSERT INTO public.rule_events (message)
  VALUES ('negative balance attempt'::text);

DROP RULE no_flagged ON public.accounts;

-- hazard table-rewrite: rewrites the table to convert column public.accounts.flagged from integer to boolean
-- hazard data-loss: converts column public.accounts.flagged from integer to boolean: values may be rounded or cut, or fail to convert
ALTER TABLE public.accounts ALTER COLUMN flagged TYPE boolean USING flagged::boolean;

CREATE RULE no_flagged AS
    ON INSERT TO public.accounts
   WHERE new.flagged DO INSTEAD NOTHING;

DROP RULE retired ON public.rule_events;
