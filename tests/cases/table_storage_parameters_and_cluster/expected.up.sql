ALTER TABLE public.clustered CLUSTER ON clustered_kind;

CREATE TABLE public.logical (
    id integer NOT NULL,
    CONSTRAINT logical_pkey PRIMARY KEY (id)
) WITH (user_catalog_table=true);

CREATE TABLE public.new_clustered (
    id integer NOT NULL,
    CONSTRAINT new_clustered_pkey PRIMARY KEY (id)
);

ALTER TABLE public.new_clustered CLUSTER ON new_clustered_pkey;

CREATE TABLE public.new_tuned (
    id integer NOT NULL,
    body text,
    CONSTRAINT new_tuned_pkey PRIMARY KEY (id)
) WITH (fillfactor=50, vacuum_index_cleanup=auto, toast.autovacuum_enabled=false);

ALTER TABLE public.tuned RESET (autovacuum_enabled);
ALTER TABLE public.tuned SET (fillfactor=70, autovacuum_vacuum_scale_factor=0.05, toast.autovacuum_enabled=false);

ALTER TABLE public.unclustered SET WITHOUT CLUSTER;

ALTER TABLE public.untuned RESET (fillfactor, toast.autovacuum_enabled);

-- schemac:no-transaction (run on its own, outside a transaction: schemac apply does)
-- hazard index-build: builds index public.cluster_index_rebuilt_at concurrently on the existing table public.cluster_index_rebuilt: writes go on; the build scans the table twice and waits for the transactions running on it
CREATE INDEX CONCURRENTLY cluster_index_rebuilt_at_schemac_new ON public.cluster_index_rebuilt USING btree (at DESC);

-- schemac:no-transaction (run on its own, outside a transaction: schemac apply does)
DROP INDEX CONCURRENTLY IF EXISTS public.cluster_index_rebuilt_at;

ALTER INDEX public.cluster_index_rebuilt_at_schemac_new RENAME TO cluster_index_rebuilt_at;

ALTER TABLE public.cluster_index_rebuilt CLUSTER ON cluster_index_rebuilt_at;
