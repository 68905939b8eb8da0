-- hazard data-loss: drops column public.t.flags and its data
ALTER TABLE public.t DROP COLUMN flags;

-- hazard data-loss: drops column public.t.legacy and its data
ALTER TABLE public.t DROP COLUMN legacy;
