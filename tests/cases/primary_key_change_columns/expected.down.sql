-- schemac:no-transaction (run on its own, outside a transaction: schemac apply does)
-- hazard needs-data: rows with equal values in (a) make it fail: change them first, in the data phase (`schemac diff --write NAME --data FILE`)
-- hazard index-build: builds index public.t_pkey_schemac_new concurrently on the existing table public.t: writes go on; the build scans the table twice and waits for the transactions running on it
CREATE UNIQUE INDEX CONCURRENTLY t_pkey_schemac_new ON public.t USING btree (a);

ALTER TABLE public.t DROP CONSTRAINT t_pkey;

ALTER TABLE public.t ADD CONSTRAINT t_pkey PRIMARY KEY USING INDEX t_pkey_schemac_new;
