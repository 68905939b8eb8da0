-- schemac:no-transaction (run on its own, outside a transaction: schemac apply does)
-- hazard index-build: builds index public.t_a_idx concurrently on the existing table public.t: writes go on; the build scans the table twice and waits for the transactions running on it
CREATE INDEX CONCURRENTLY t_a_idx_schemac_new ON public.t USING btree (a);

-- schemac:no-transaction (run on its own, outside a transaction: schemac apply does)
-- hazard index-build: builds index public.t_old_idx concurrently on the existing table public.t: writes go on; the build scans the table twice and waits for the transactions running on it
CREATE INDEX CONCURRENTLY t_old_idx ON public.t USING btree (b);

-- schemac:no-transaction (run on its own, outside a transaction: schemac apply does)
DROP INDEX CONCURRENTLY IF EXISTS public.t_a_idx;

ALTER INDEX public.t_a_idx_schemac_new RENAME TO t_a_idx;
