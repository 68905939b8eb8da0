CREATE TABLE public.events_globex (LIKE public.events INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING GENERATED);

ALTER TABLE public.events_globex ADD CONSTRAINT events_globex_pkey PRIMARY KEY (tenant, id);

ALTER TABLE public.events ATTACH PARTITION public.events_globex FOR VALUES IN ('globex');
