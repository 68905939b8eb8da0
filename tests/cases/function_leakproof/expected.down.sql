-- hazard data-loss: drops table public.notes and every row in it
DROP TABLE public.notes;

DROP FUNCTION public.same_tenant(bigint, bigint);
