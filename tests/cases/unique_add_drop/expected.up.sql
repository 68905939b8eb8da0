-- schemac:no-transaction (run on its own, outside a transaction: schemac apply does)
-- hazard index-build: builds index public.t_b_key concurrently on the existing table public.t: writes go on; the build scans the table twice and waits for the transactions running on it
CREATE UNIQUE INDEX CONCURRENTLY t_b_key ON public.t USING btree (b);

ALTER TABLE public.t ADD CONSTRAINT t_b_key UNIQUE USING INDEX t_b_key;

ALTER TABLE public.t DROP CONSTRAINT t_a_key;
