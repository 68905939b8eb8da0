-- hazard data-loss: drops column public.t.id and its data
ALTER TABLE public.t DROP COLUMN id;
