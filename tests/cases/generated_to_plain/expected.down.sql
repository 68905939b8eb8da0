-- hazard data-loss: drops column public.t.b and its data
ALTER TABLE public.t DROP COLUMN b;

-- hazard table-rewrite: rewrites the table to compute column public.t.b
ALTER TABLE public.t ADD COLUMN b integer GENERATED ALWAYS AS ((a + 1)) STORED;
