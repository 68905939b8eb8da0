-- hazard table-rewrite: fills column public.t.area in every row (a rewrite when the default is volatile)
ALTER TABLE public.t ADD COLUMN area integer GENERATED ALWAYS AS ((w * h)) STORED;
