ALTER TABLE public.clustered CLUSTER ON clustered_at;

ALTER TABLE public.tuned RESET (autovacuum_vacuum_scale_factor, toast.autovacuum_enabled);
ALTER TABLE public.tuned SET (fillfactor=80, autovacuum_enabled=false);

ALTER TABLE public.unclustered CLUSTER ON unclustered_pkey;

ALTER TABLE public.untuned SET (fillfactor=90, toast.autovacuum_enabled=false);

-- schemac:no-transaction (run on its own, outside a transaction: schemac apply does)
-- hazard index-build: builds index public.cluster_index_rebuilt_at concurrently on the existing table public.cluster_index_rebuilt: writes go on; the build scans the table twice and waits for the transactions running on it
CREATE INDEX CONCURRENTLY cluster_index_rebuilt_at_schemac_new ON public.cluster_index_rebuilt USING btree (at);

-- schemac:no-transaction (run on its own, outside a transaction: schemac apply does)
DROP INDEX CONCURRENTLY IF EXISTS public.cluster_index_rebuilt_at;

ALTER INDEX public.cluster_index_rebuilt_at_schemac_new RENAME TO cluster_index_rebuilt_at;

ALTER TABLE public.cluster_index_rebuilt CLUSTER ON cluster_index_rebuilt_at;

-- hazard data-loss: drops table public.logical and every row in it
DROP TABLE public.logical;

-- hazard data-loss: drops table public.new_clustered and every row in it
DROP TABLE public.new_clustered;

-- hazard data-loss: drops table public.new_tuned and every row in it
DROP TABLE public.new_tuned;
