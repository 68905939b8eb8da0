-- hazard table-rewrite: rewrites the table to convert column public.t.meta from jsonb to json
-- hazard data-loss: converts column public.t.meta from jsonb to json: values may be rounded or cut, or fail to convert
ALTER TABLE public.t ALTER COLUMN meta TYPE json USING meta::json;

-- hazard table-rewrite: rewrites the table to convert column public.t.tags from character varying(20)[] to text[]
ALTER TABLE public.t ALTER COLUMN tags DROP DEFAULT;
ALTER TABLE public.t ALTER COLUMN tags TYPE text[] USING tags::text[];
ALTER TABLE public.t ALTER COLUMN tags DROP NOT NULL;
