ALTER TABLE public.events ADD CONSTRAINT id_schemac_not_null CHECK (id IS NOT NULL) NOT VALID;

-- schemac:no-transaction (run on its own, outside a transaction: schemac apply does)
ALTER TABLE public.events VALIDATE CONSTRAINT id_schemac_not_null;

ALTER TABLE public.events ALTER COLUMN id SET NOT NULL;
ALTER TABLE public.events DROP CONSTRAINT id_schemac_not_null;

-- schemac:no-transaction (run on its own, outside a transaction: schemac apply does)
-- hazard index-build: builds index public.events_code_key concurrently on the existing table public.events: writes go on; the build scans the table twice and waits for the transactions running on it
CREATE UNIQUE INDEX CONCURRENTLY events_code_key ON public.events USING btree (code) INCLUDE (note);

ALTER TABLE public.events ADD CONSTRAINT events_code_key UNIQUE USING INDEX events_code_key;

-- schemac:no-transaction (run on its own, outside a transaction: schemac apply does)
-- hazard index-build: builds index public.events_pkey concurrently on the existing table public.events: writes go on; the build scans the table twice and waits for the transactions running on it
CREATE UNIQUE INDEX CONCURRENTLY events_pkey ON public.events USING btree (id);

ALTER TABLE public.events ADD CONSTRAINT events_pkey PRIMARY KEY USING INDEX events_pkey;

-- hazard long-lock: holds ACCESS EXCLUSIVE on public.labels while it builds the index of labels_deferred_key
ALTER TABLE public.labels ADD CONSTRAINT labels_deferred_key UNIQUE (lang, name) DEFERRABLE INITIALLY DEFERRED;

-- hazard long-lock: holds ACCESS EXCLUSIVE on public.labels while it builds the index of labels_name_key
ALTER TABLE public.labels ADD CONSTRAINT labels_name_key UNIQUE NULLS NOT DISTINCT (name, lang);
