ALTER TABLE public.events DROP CONSTRAINT events_only_children;

-- hazard data-loss: drops table public.events_2026 and every row in it
DROP TABLE public.events_2026;

ALTER TABLE public.imported NO INHERIT public.events;

ALTER TABLE public.events DROP CONSTRAINT events_kind_check;

ALTER TABLE public.imported DROP CONSTRAINT events_kind_check;

-- hazard data-loss: drops column public.events.source and its data
ALTER TABLE public.events DROP COLUMN source;

ALTER TABLE public.legacy_notes INHERIT public.legacy;

-- hazard table-rewrite: rewrites the table to convert column public.events.amount from bigint to integer
ALTER TABLE public.events ALTER COLUMN amount TYPE integer USING amount::integer;

ALTER TABLE public.imported ALTER COLUMN at DROP DEFAULT;

ALTER TABLE public.imported ALTER COLUMN source DROP DEFAULT;
