ALTER TABLE public.events DROP CONSTRAINT events_code_key;

ALTER TABLE public.events DROP CONSTRAINT events_pkey;

ALTER TABLE public.events ALTER COLUMN id DROP NOT NULL;

ALTER TABLE public.labels DROP CONSTRAINT labels_deferred_key;

ALTER TABLE public.labels DROP CONSTRAINT labels_name_key;
