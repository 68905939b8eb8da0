DROP FUNCTION public.a_credit(bigint, numeric);

DROP FUNCTION public.a_rich_count();

DROP VIEW public.zz_rich;

DROP FUNCTION public.a_total();

-- hazard data-loss: drops table public.zz_ledger and every row in it
DROP TABLE public.zz_ledger;
