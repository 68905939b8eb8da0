-- schemac:no-transaction (run on its own, outside a transaction: schemac apply does)
-- hazard needs-data: rows with equal values in (id) make it fail: change them first, in the data phase (`schemac diff --write NAME --data FILE`)
-- hazard index-build: builds index public.b_pkey concurrently on the existing table public.b: writes go on; the build scans the table twice and waits for the transactions running on it
CREATE UNIQUE INDEX CONCURRENTLY b_pkey ON public.b USING btree (id);

ALTER TABLE public.b ADD CONSTRAINT b_pkey PRIMARY KEY USING INDEX b_pkey;

ALTER TABLE public.a DROP CONSTRAINT a_pkey;
