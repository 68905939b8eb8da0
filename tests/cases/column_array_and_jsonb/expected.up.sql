-- hazard table-rewrite: rewrites the table to convert column public.t.meta from json to jsonb
-- hazard data-loss: converts column public.t.meta from json to jsonb: values may be rounded or cut, or fail to convert
ALTER TABLE public.t ALTER COLUMN meta TYPE jsonb USING meta::jsonb;

-- hazard table-rewrite: rewrites the table to convert column public.t.tags from text[] to character varying(20)[]
-- hazard data-loss: converts column public.t.tags from text[] to character varying(20)[]: values may be rounded or cut, or fail to convert
ALTER TABLE public.t ALTER COLUMN tags TYPE character varying(20)[] USING tags::character varying(20)[];
ALTER TABLE public.t ALTER COLUMN tags SET DEFAULT '{}'::character varying[];

ALTER TABLE public.t ADD CONSTRAINT tags_schemac_not_null CHECK (tags IS NOT NULL) NOT VALID;

-- schemac:no-transaction (run on its own, outside a transaction: schemac apply does)
ALTER TABLE public.t VALIDATE CONSTRAINT tags_schemac_not_null;

ALTER TABLE public.t ALTER COLUMN tags SET NOT NULL;
ALTER TABLE public.t DROP CONSTRAINT tags_schemac_not_null;
