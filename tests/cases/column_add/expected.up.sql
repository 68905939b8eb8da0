ALTER TABLE public.t ADD COLUMN note text;

ALTER TABLE public.t ADD COLUMN score numeric(10,2) DEFAULT 0 NOT NULL;
