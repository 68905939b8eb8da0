-- hazard table-rewrite: rewrites the table to convert column public.t.meta from json to jsonb
ALTER TABLE public.t ALTER COLUMN meta TYPE jsonb USING meta::jsonb;

-- hazard table-rewrite: rewrites the table to convert column public.t.tags from text[] to character varying(20)[]
ALTER TABLE public.t ALTER COLUMN tags TYPE character varying(20)[] USING tags::character varying(20)[];
ALTER TABLE public.t ALTER COLUMN tags SET DEFAULT '{}'::character varying[];
ALTER TABLE public.t ALTER COLUMN tags SET NOT NULL;
