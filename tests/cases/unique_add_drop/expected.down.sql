-- schemac:no-transaction (run on its own, outside a transaction: schemac apply does)
-- hazard needs-data: rows with equal values in (a) make it fail: change them first, in the data phase (`schemac diff --write NAME --data FILE`)
-- hazard index-build: builds index public.t_a_key concurrently on the existing table public.t: writes go on; the build scans the table twice and waits for the transactions running on it
CREATE UNIQUE INDEX CONCURRENTLY t_a_key ON public.t USING btree (a);

ALTER TABLE public.t ADD CONSTRAINT t_a_key UNIQUE USING INDEX t_a_key;

ALTER TABLE public.t DROP CONSTRAINT t_b_key;
