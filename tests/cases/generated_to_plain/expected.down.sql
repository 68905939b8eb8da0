-- hazard data-loss: drops column public.t.b and its data
ALTER TABLE public.t DROP COLUMN b;

-- hazard table-rewrite: fills column public.t.b in every row (a rewrite when the default is volatile)
ALTER TABLE public.t ADD COLUMN b integer GENERATED ALWAYS AS ((a + 1)) STORED;
