-- hazard data-loss: drops column public.t.note and its data
ALTER TABLE public.t DROP COLUMN note;

-- hazard data-loss: drops column public.t.score and its data
ALTER TABLE public.t DROP COLUMN score;
