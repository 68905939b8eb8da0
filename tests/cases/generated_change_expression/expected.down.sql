ALTER TABLE public.t DROP COLUMN area;

-- hazard table-rewrite: rewrites the table to compute column public.t.area
ALTER TABLE public.t ADD COLUMN area integer GENERATED ALWAYS AS ((w * h)) STORED;
