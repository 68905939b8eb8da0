DROP TRIGGER accounts_audit ON public.accounts;

DROP VIEW public.rich_accounts;

DROP FUNCTION public.audit_balance();

DROP FUNCTION public.tier(numeric);

-- hazard data-loss: drops table public.balance_log and every row in it
DROP TABLE public.balance_log;

DROP TYPE public.account_tier;
