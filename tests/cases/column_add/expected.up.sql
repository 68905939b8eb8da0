ALTER TABLE public.t ADD COLUMN note text;

-- hazard table-rewrite: fills column public.t.score in every row (a rewrite when the default is volatile)
ALTER TABLE public.t ADD COLUMN score numeric(10,2) DEFAULT 0 NOT NULL;
