-- hazard data-loss: drops column public.t.area and its data
ALTER TABLE public.t DROP COLUMN area;
