-- hazard data-loss: drops column public.c.n and its data
ALTER TABLE public.c DROP COLUMN n;

-- hazard data-loss: drops column public.c.p_id and its data
ALTER TABLE public.c DROP COLUMN p_id;
