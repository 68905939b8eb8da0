-- schemac:no-transaction (run on its own, outside a transaction: schemac apply does)
-- hazard index-build: builds index public.a_pkey concurrently on the existing table public.a: writes go on; the build scans the table twice and waits for the transactions running on it
CREATE UNIQUE INDEX CONCURRENTLY a_pkey ON public.a USING btree (id);

ALTER TABLE public.a ADD CONSTRAINT a_pkey PRIMARY KEY USING INDEX a_pkey;

ALTER TABLE public.b DROP CONSTRAINT b_pkey;
